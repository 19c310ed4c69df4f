using System.Security.Cryptography;

namespace DataPlatform.LocalPostgres;

/// <summary>The superuser password of a local cluster: generated once, kept in a file only its owner can read.</summary>
internal static class ClusterPassword
{
    /// <summary>Scram for every connection, over the socket too: the socket's permissions are a second wall, not the only one.</summary>
    public const string HbaConf = """
        # Written by DataPlatform.LocalPostgres: every connection authenticates with the password in ../password.
        local   all   all                 scram-sha-256
        host    all   all   127.0.0.1/32  scram-sha-256
        host    all   all   ::1/128       scram-sha-256

        """;

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>32 random hexadecimal characters: no quoting issues in SQL, connection strings or initdb's password file.</summary>
    public static string Generate() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Generates a password into <paramref name="path"/> (mode 0600) and returns it.</summary>
    public static string Create(string path)
    {
        var password = Generate();
        Write(path, password);
        return password;
    }

    /// <summary>Writes <paramref name="password"/> to <paramref name="path"/>, created with mode 0600 before any byte is written.</summary>
    public static void Write(string path, string password)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(password + "\n");
        }

        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode applies to new files only; an existing file gets the same mode.
            File.SetUnixFileMode(path, OwnerOnlyFile);
        }
    }

    /// <summary>The password kept in <paramref name="path"/>.</summary>
    /// <exception cref="LocalPostgresException">The file is missing or not readable by this user.</exception>
    public static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LocalPostgresException(
                $"The local cluster's password file '{path}' cannot be read ({ex.Message}). Only the account that created the cluster can use it.", ex);
        }
    }

    /// <summary>Mode 0700 on the cluster directory: it holds the password file and the Unix socket.</summary>
    public static void MakePrivate(string directory)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, OwnerOnlyDirectory);
        }
    }
}
