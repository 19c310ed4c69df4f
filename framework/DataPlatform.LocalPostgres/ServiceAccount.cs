using System.Runtime.InteropServices;

namespace DataPlatform.LocalPostgres;

/// <summary>
/// Running the server tools as root: <c>initdb</c> and <c>postgres</c> refuse to run as root, so when the current process
/// is root the tools run as the unprivileged <c>postgres</c> user through <c>runuser</c>, and the cluster directory is
/// handed over to that user.
/// </summary>
internal static class ServiceAccount
{
    public const string UserName = "postgres";

    private static readonly Lazy<uint?> s_userId = new(LookUpUserId);

    public static bool IsRoot => !OperatingSystem.IsWindows() && GetEffectiveUserId() == 0;

    /// <summary>The effective user id of this process (Unix only).</summary>
    public static uint CurrentUserId => GetEffectiveUserId();

    /// <summary>The user id of the service account, or <see langword="null"/> when it does not exist.</summary>
    public static uint? UserId => s_userId.Value;

    /// <summary>
    /// Whether a file owned by <paramref name="ownerId"/> belongs to this process's clusters: owned by this user, or, when root,
    /// by the service account that root's clusters are handed to.
    /// </summary>
    public static bool OwnsClustersOf(uint ownerId) => ownerId == CurrentUserId || (IsRoot && ownerId == UserId);

    /// <summary>The command and arguments that run <paramref name="tool"/> as the service account when needed.</summary>
    public static (string FileName, IReadOnlyList<string> Arguments) Wrap(string tool, IReadOnlyList<string> arguments)
    {
        if (!IsRoot)
        {
            return (tool, arguments);
        }

        var runuser = PostgresBinaries.FindOnPath("runuser") ?? "/usr/sbin/runuser";
        return (runuser, new[] { "-u", UserName, "--", tool }.Concat(arguments).ToArray());
    }

    /// <summary>When root: checks that the <c>postgres</c> user exists and hands <paramref name="directory"/> over to it.</summary>
    public static async Task PrepareDirectoryAsync(string directory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!IsRoot)
        {
            return;
        }

        var id = await ProcessRunner.RunAsync("id", ["-u", UserName], timeout, cancellationToken).ConfigureAwait(false);
        if (!id.Succeeded)
        {
            throw new LocalPostgresException(
                $"This process runs as root, and PostgreSQL refuses to run as root, so the local cluster runs as the unprivileged "
                + $"'{UserName}' user, which does not exist. Install PostgreSQL from the distribution packages "
                + "('apt-get install postgresql' creates the user), create it ('useradd --system --user-group postgres'), "
                + "or run as a non-root user.");
        }

        var chown = await ProcessRunner.RunAsync("chown", ["-R", UserName + ":", directory], timeout, cancellationToken)
            .ConfigureAwait(false);
        chown.EnsureSuccess($"Handing '{directory}' to the '{UserName}' user");
        EnsureTraversable(directory);
    }

    /// <summary>
    /// When root: the first ancestor of <paramref name="directory"/> that the service account cannot search (no x bit for
    /// others), or null when every ancestor is searchable or the process is not root.
    /// </summary>
    public static string? FindUnreachableAncestor(string directory)
    {
        if (!IsRoot || OperatingSystem.IsWindows())
        {
            return null;
        }

        for (var current = Directory.GetParent(Path.GetFullPath(directory)); current is not null; current = current.Parent)
        {
            if (current.Exists && (File.GetUnixFileMode(current.FullName) & UnixFileMode.OtherExecute) == 0)
            {
                return current.FullName;
            }
        }

        return null;
    }

    /// <summary>
    /// Every ancestor of <paramref name="directory"/> must be searchable (x bit for others) so that the service account
    /// can reach it.
    /// </summary>
    private static void EnsureTraversable(string directory)
    {
        if (!OperatingSystem.IsWindows() && FindUnreachableAncestor(directory) is { } blocked)
        {
            var mode = File.GetUnixFileMode(blocked);
            throw new LocalPostgresException(
                $"The '{UserName}' user cannot reach '{directory}' because '{blocked}' is not searchable by other users "
                + $"(mode {Convert.ToString((int)mode, 8)}). Put the cluster directory somewhere reachable (e.g. under /tmp), "
                + $"or allow traversal with 'chmod o+x {blocked}'.");
        }
    }

    private static uint? LookUpUserId()
    {
        try
        {
            var id = ProcessRunner.Run("id", ["-u", UserName], TimeSpan.FromSeconds(10));
            return id.Succeeded && uint.TryParse(id.StandardOutput.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var uid)
                ? uid
                : null;
        }
        catch (Exception ex) when (ex is LocalPostgresException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "geteuid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // LibraryImport needs AllowUnsafeBlocks; geteuid takes no arguments, so no marshalling happens.
    private static extern uint GetEffectiveUserId();
#pragma warning restore SYSLIB1054
}
