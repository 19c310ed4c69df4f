using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataPlatform.LocalPostgres;

/// <summary>
/// Persistent clusters kept outside the directory they were wanted in. As root, a cluster wanted where the unprivileged
/// service account cannot reach (see <see cref="LocalPostgresCluster.ReachableDirectory"/>) lives in the relocation root
/// instead (default <see cref="DefaultRoot"/>), next to an owner record, <c>&lt;cluster&gt;.owner</c>, naming the directory it
/// was wanted in. A checkout that is deleted cannot take such a cluster with it, so <see cref="RemoveOrphaned"/> removes a
/// cluster once the parent of its wanted directory (the <c>.dataplatform</c> home) no longer exists, and
/// <see cref="List"/> shows the ones that are still kept.
/// </summary>
/// <remarks>
/// Only owner records written by this code are trusted: regular files owned by this user with no other name, in a
/// relocation root owned by this user that no one else may write to. A cluster without such a record is never removed.
/// </remarks>
public static class RelocatedClusters
{
    /// <summary>The default relocation root: <c>/var/lib/dataplatform/clusters</c>.</summary>
    public const string DefaultRoot = "/var/lib/dataplatform/clusters";

    private const string OwnerSuffix = ".owner";

    private const UnixFileMode SharedDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const UnixFileMode SharedFile = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>
    /// Where the cluster wanted in <paramref name="preferredDirectory"/> lives (<see cref="LocalPostgresCluster.ReachableDirectory"/>);
    /// when that is in the relocation root, the directory is created there and its owner record written.
    /// </summary>
    /// <exception cref="LocalPostgresException">
    /// The relocation root or the cluster's place in it is not this user's own (a link, another owner, writable by others), or
    /// it is already recorded for another directory.
    /// </exception>
    public static string Claim(string preferredDirectory, string? relocationRoot = null)
    {
        var preferred = Path.GetFullPath(preferredDirectory);
        var reachable = LocalPostgresCluster.ReachableDirectory(preferred, relocationRoot);
        if (OperatingSystem.IsWindows() || string.Equals(reachable, preferred, StringComparison.Ordinal))
        {
            return preferred;
        }

        var root = Path.GetDirectoryName(reachable)!;
        if (!Directory.Exists(root))
        {
            Directory.CreateDirectory(root, SharedDirectory);
        }

        if (!IsTrustedRoot(root))
        {
            throw new LocalPostgresException(
                $"'{root}' is not a directory of this user's that only it may write to, so no cluster is kept there.");
        }

        if (FileStatus.Get(reachable, followLinks: false) is null)
        {
            Directory.CreateDirectory(reachable, SharedDirectory);
        }
        else if (ClusterTeardown.OwnedDirectory(reachable) is null)
        {
            throw new LocalPostgresException($"'{reachable}' is a link or not this user's, so no cluster is kept there.");
        }

        var owner = reachable + OwnerSuffix;
        var recorded = ReadOwner(owner);
        if (recorded is null)
        {
            WriteOwner(owner, preferred);
        }
        else if (!string.Equals(recorded, preferred, StringComparison.Ordinal))
        {
            throw new LocalPostgresException(
                $"The cluster in '{reachable}' is kept for '{recorded}', not for '{preferred}'. Move or delete it to use this directory.");
        }

        return reachable;
    }

    /// <summary>
    /// The clusters in the relocation root whose wanted directory's parent still exists, and those without an owner record
    /// (placed before records were kept), by directory.
    /// </summary>
    public static IReadOnlyList<RelocatedCluster> List(string? relocationRoot = null)
    {
        var root = relocationRoot ?? DefaultRoot;
        if (!IsTrustedRoot(root))
        {
            return [];
        }

        var clusters = new List<RelocatedCluster>();
        foreach (var directory in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            if (ClusterTeardown.OwnedDirectory(directory) is null)
            {
                continue;
            }

            var preferred = ReadOwner(directory + OwnerSuffix);
            if (preferred is null || !IsGone(preferred))
            {
                clusters.Add(new RelocatedCluster(directory, preferred));
            }
        }

        return clusters;
    }

    /// <summary>
    /// Removes the clusters whose wanted directory's parent no longer exists (the checkout or home was deleted): a running
    /// server is stopped first, once verified to be the server of that data directory. Failures are logged, never thrown.
    /// </summary>
    /// <returns>How many clusters were removed.</returns>
    public static int RemoveOrphaned(ILogger? logger = null, string? relocationRoot = null)
    {
        logger ??= NullLogger.Instance;
        var root = relocationRoot ?? DefaultRoot;
        if (!IsTrustedRoot(root))
        {
            return 0;
        }

        var removed = 0;
        foreach (var owner in Directory.EnumerateFiles(root, "*" + OwnerSuffix))
        {
            var directory = owner[..^OwnerSuffix.Length];
            try
            {
                if (ReadOwner(owner) is not { } preferred || !IsGone(preferred))
                {
                    continue;
                }

                if (FileStatus.Get(directory, followLinks: false) is null)
                {
                    File.Delete(owner);
                    continue;
                }

                if (ClusterTeardown.OwnedDirectory(directory) is not { } status)
                {
                    LocalPostgresLog.LeftAlone(logger, directory, "it is a link, or not owned by this user");
                    continue;
                }

                LocalPostgresLog.RemovingRelocated(logger, directory, preferred);
                if (ClusterTeardown.StopAndDelete(directory, status, logger))
                {
                    File.Delete(owner);
                    removed++;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LocalPostgresException)
            {
                LocalPostgresLog.RelocatedRemovalFailed(logger, ex, directory);
            }
        }

        return removed;
    }

    /// <summary>A real directory owned by this very user that neither its group nor others may write to.</summary>
    private static bool IsTrustedRoot(string root) =>
        FileStatus.Get(root, followLinks: false) is { Kind: FileStatus.FileKind.Directory } status
        && status.OwnerId == ServiceAccount.CurrentUserId
        && (status.Mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0;

    /// <summary>The wanted directory's parent (the home holding it) is gone: nothing at all, not even a link, is at that path.</summary>
    private static bool IsGone(string preferredDirectory) =>
        Path.GetDirectoryName(preferredDirectory) is { } home && FileStatus.IsMissing(home);

    private static string? ReadOwner(string owner)
    {
        if (!ClusterTeardown.IsOwnFile(FileStatus.Get(owner, followLinks: false)))
        {
            return null;
        }

        var recorded = File.ReadAllText(owner).Trim();
        return Path.IsPathFullyQualified(recorded) ? recorded : null;
    }

    private static void WriteOwner(string owner, string preferredDirectory)
    {
        var staging = owner + ".new";
        File.Delete(staging);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = SharedFile;
        }

        using (var stream = new FileStream(staging, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(preferredDirectory + "\n");
        }

        File.Move(staging, owner, overwrite: true);
    }
}
