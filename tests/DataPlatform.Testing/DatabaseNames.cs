using System.Globalization;
using System.Text;

namespace DataPlatform.Testing;

/// <summary>Unique, valid database names for test databases: <c>t_&lt;hint&gt;_&lt;run&gt;_&lt;counter&gt;</c>, lowercase, at most 63 characters.</summary>
internal static class DatabaseNames
{
    private const int MaxLength = 63;
    private static readonly string s_runToken = CreateRunToken();
    private static int s_counter;

    /// <summary>A token unique to this test process, so that several test assemblies can share one server.</summary>
    public static string RunToken => s_runToken;

    public static string Create(string nameHint)
    {
        var counter = Interlocked.Increment(ref s_counter).ToString(CultureInfo.InvariantCulture);
        var suffix = "_" + s_runToken + "_" + counter;
        var hint = Sanitize(nameHint);
        var room = MaxLength - 2 - suffix.Length;
        if (hint.Length > room)
        {
            hint = hint[..room].TrimEnd('_');
        }

        return "t_" + (hint.Length == 0 ? "db" : hint) + suffix;
    }

    private static string Sanitize(string nameHint)
    {
        var builder = new StringBuilder(nameHint.Length);
        foreach (var character in nameHint.ToLowerInvariant())
        {
            var valid = character is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            if (valid)
            {
                builder.Append(character);
            }
            else if (builder.Length > 0 && builder[^1] != '_')
            {
                builder.Append('_');
            }
        }

        return builder.ToString().Trim('_');
    }

    private static string CreateRunToken()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        Span<char> token = stackalloc char[5];
        for (var i = 0; i < token.Length; i++)
        {
            token[i] = alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return new string(token);
    }
}
