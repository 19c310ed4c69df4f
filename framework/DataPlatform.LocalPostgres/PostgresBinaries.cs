using System.Globalization;

namespace DataPlatform.LocalPostgres;

/// <summary>
/// The PostgreSQL executables of one installation: <c>initdb</c>, <c>pg_ctl</c> and (when installed) <c>psql</c>.
/// Found on <c>PATH</c> first (symbolic links are followed to the real bin directory), else in the newest
/// Debian/Ubuntu per-major directory <c>/usr/lib/postgresql/&lt;major&gt;/bin</c>.
/// </summary>
public sealed class PostgresBinaries
{
    private const string DebianRoot = "/usr/lib/postgresql";

    private PostgresBinaries(string binDirectory)
    {
        BinDirectory = binDirectory;
        InitDb = Path.Combine(binDirectory, "initdb");
        PgCtl = Path.Combine(binDirectory, "pg_ctl");
        var psql = Path.Combine(binDirectory, "psql");
        Psql = IsExecutable(psql) ? psql : FindOnPath("psql");
    }

    /// <summary>The directory holding <c>initdb</c> and <c>pg_ctl</c>.</summary>
    public string BinDirectory { get; }

    /// <summary>Full path of <c>initdb</c>.</summary>
    public string InitDb { get; }

    /// <summary>Full path of <c>pg_ctl</c>.</summary>
    public string PgCtl { get; }

    /// <summary>Full path of <c>psql</c> (same directory first, else <c>PATH</c>), or <see langword="null"/> when not installed.</summary>
    public string? Psql { get; }

    /// <summary>
    /// Finds the binaries in <paramref name="binDirectory"/> when given, else on <c>PATH</c>, else in the newest
    /// <c>/usr/lib/postgresql/&lt;major&gt;/bin</c>.
    /// </summary>
    /// <exception cref="PostgresBinariesNotFoundException">No directory with both <c>initdb</c> and <c>pg_ctl</c> exists.</exception>
    public static PostgresBinaries Locate(string? binDirectory = null)
    {
        if (binDirectory is not null)
        {
            return HasServerTools(binDirectory)
                ? new PostgresBinaries(Path.GetFullPath(binDirectory))
                : throw new PostgresBinariesNotFoundException(
                    $"initdb and pg_ctl were not found in '{binDirectory}'. " + PostgresBinariesNotFoundException.DefaultMessage);
        }

        return TryLocate(out var binaries) ? binaries : throw new PostgresBinariesNotFoundException();
    }

    /// <summary>Like <see cref="Locate"/> without a directory, but returns <see langword="false"/> instead of throwing.</summary>
    public static bool TryLocate([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PostgresBinaries? binaries)
    {
        var initDb = FindOnPath("initdb");
        if (initDb is not null)
        {
            var directory = Path.GetDirectoryName(ResolveLinks(initDb));
            if (directory is not null && HasServerTools(directory))
            {
                binaries = new PostgresBinaries(directory);
                return true;
            }
        }

        var newest = FindNewestDebianBinDirectory();
        binaries = newest is null ? null : new PostgresBinaries(newest);
        return binaries is not null;
    }

    /// <summary>
    /// Finds <c>psql</c>: next to the server binaries when those are installed, else on <c>PATH</c>;
    /// <see langword="null"/> when there is none.
    /// </summary>
    public static string? FindPsql() =>
        TryLocate(out var binaries) ? binaries.Psql : FindOnPath("psql");

    internal static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH");
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (IsExecutable(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? FindNewestDebianBinDirectory()
    {
        if (!Directory.Exists(DebianRoot))
        {
            return null;
        }

        return Directory.EnumerateDirectories(DebianRoot)
            .Select(directory => (Directory: directory, Major: ParseMajor(Path.GetFileName(directory))))
            .Where(entry => entry.Major is not null && HasServerTools(Path.Combine(entry.Directory, "bin")))
            .OrderByDescending(entry => entry.Major)
            .Select(entry => Path.Combine(entry.Directory, "bin"))
            .FirstOrDefault();
    }

    private static double? ParseMajor(string name) =>
        double.TryParse(name, NumberStyles.Float, CultureInfo.InvariantCulture, out var major) ? major : null;

    private static bool HasServerTools(string directory) =>
        IsExecutable(Path.Combine(directory, "initdb")) && IsExecutable(Path.Combine(directory, "pg_ctl"));

    private static bool IsExecutable(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        var mode = File.GetUnixFileMode(path);
        return (mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
    }

    private static string ResolveLinks(string path)
    {
        var target = File.ResolveLinkTarget(path, returnFinalTarget: true);
        return target?.FullName ?? path;
    }
}
