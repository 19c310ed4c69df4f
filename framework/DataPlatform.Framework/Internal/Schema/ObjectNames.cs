using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DataPlatform.Framework.Internal.Schema;

/// <summary>Builds names of generated objects (history tables, triggers, functions) within PostgreSQL's 63-byte limit.</summary>
internal static class ObjectNames
{
    private const int MaxLength = 63;

    // Long names keep a readable prefix and end in a short hash of the full name, so two long names never collide.
    public static string Limit(string name)
    {
        if (name.Length <= MaxLength)
        {
            return name;
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8].ToLower(CultureInfo.InvariantCulture);
        return name[..(MaxLength - 9)] + "_" + hash;
    }
}
