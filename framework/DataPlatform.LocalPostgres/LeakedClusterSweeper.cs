using Microsoft.Extensions.Logging;

namespace DataPlatform.LocalPostgres;

/// <summary>
/// Removes ephemeral cluster directories (<c>dataplatform-pg-*</c>) that nobody will clean up any more: the owner process
/// died and its <see cref="ClusterWatchdog"/> died with it (a process-group kill of a test run), so the server keeps running
/// and the directory stays. Runs before each new ephemeral cluster is created.
/// </summary>
/// <remarks>
/// Only directories of this user's clusters are looked at: real directories (never a link) owned by this user, or, when
/// root, by the service account root's clusters run as (<see cref="ClusterTeardown"/>). Of those, two kinds are swept,
/// everything else is left alone:
/// <list type="bullet">
/// <item>a lease file (<c>watchdog.lease</c>) written by this user (a regular file it owns, not a link) names an owner process
/// that is no longer alive;</item>
/// <item>there is no lease file, the directory is this user's own, nothing in it changed for <see cref="UnleasedGracePeriod"/>,
/// and no server runs on its data directory (a crash between creating the directory and writing the lease).</item>
/// </list>
/// A server still running on a swept data directory is stopped first (an immediate shutdown, as the cluster's own emergency
/// stop does), but only once <see cref="PostmasterProcess"/> has verified that the process named in <c>postmaster.pid</c> is
/// the server of that very directory; the directory is kept when it does not stop, or when the process cannot be verified.
/// Failures are logged and never thrown: a new cluster must start regardless.
/// </remarks>
internal static class LeakedClusterSweeper
{
    /// <summary>How long a directory without a lease file must be untouched before it counts as abandoned.</summary>
    public static readonly TimeSpan UnleasedGracePeriod = TimeSpan.FromMinutes(10);

    /// <summary>How long a lease file without a readable process id counts as being written.</summary>
    public static readonly TimeSpan GarbledLeaseGracePeriod = TimeSpan.FromMinutes(1);

    /// <summary>Sweeps the leaked ephemeral cluster directories directly under <paramref name="parentDirectory"/>.</summary>
    public static void Sweep(string parentDirectory, ILogger logger)
    {
        // Ephemeral clusters have no lease files (no watchdog) on Windows, so nothing there can be told apart from a live one.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        List<string> candidates;
        try
        {
            candidates = Directory.EnumerateDirectories(parentDirectory, LocalPostgresCluster.EphemeralDirectoryPrefix + "*").ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LocalPostgresLog.SweepFailed(logger, ex, parentDirectory);
            return;
        }

        foreach (var directory in candidates)
        {
            try
            {
                SweepOne(directory, logger);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LocalPostgresException)
            {
                // Another process (the late watchdog, a parallel sweep) may have removed it meanwhile: then all is well.
                if (Directory.Exists(directory))
                {
                    LocalPostgresLog.SweepFailed(logger, ex, directory);
                }
            }
        }
    }

    private static void SweepOne(string root, ILogger logger)
    {
        if (ClusterTeardown.OwnedDirectory(root) is not { } status)
        {
            LocalPostgresLog.LeftAlone(logger, root, "it is a link, or not owned by this user");
            return;
        }

        var leaseFile = Path.Combine(root, LocalPostgresCluster.LeaseFileName);
        var lease = FileStatus.Get(leaseFile, followLinks: false);
        if (lease is not null)
        {
            if (!ClusterTeardown.IsOwnFile(lease))
            {
                LocalPostgresLog.LeftAlone(logger, root, "its lease file was not written by this user");
                return;
            }

            // An unreadable number is a lease being written right now by a live owner, unless it stayed so for a minute (the
            // owner died while writing it).
            var readable = ClusterTeardown.TryReadProcessId(leaseFile, out var owner);
            if (readable ? LocalProcesses.IsAlive(owner) : DateTime.UtcNow - File.GetLastWriteTimeUtc(leaseFile) < GarbledLeaseGracePeriod)
            {
                return;
            }

            LocalPostgresLog.SweepingOrphaned(logger, root, owner);
        }
        else
        {
            // Root hands a cluster directory to the service account only after writing its lease, so a directory without one
            // is owned by this very user.
            if (status.OwnerId != ServiceAccount.CurrentUserId)
            {
                LocalPostgresLog.LeftAlone(logger, root, "it has no lease and is not owned by this user");
                return;
            }

            var idle = DateTime.UtcNow - LastChange(root);
            if (idle < UnleasedGracePeriod
                || ClusterTeardown.Server(root, out _) is not (PostmasterProcess.Identity.Gone or PostmasterProcess.Identity.Other))
            {
                return;
            }

            LocalPostgresLog.SweepingAbandoned(logger, root, (int)idle.TotalMinutes);
        }

        ClusterTeardown.StopAndDelete(root, status, logger);
    }

    private static DateTime LastChange(string root)
    {
        var last = Directory.GetLastWriteTimeUtc(root);
        var dataDirectory = Path.Combine(root, "data");
        if (FileStatus.Get(dataDirectory, followLinks: false) is { Kind: FileStatus.FileKind.Directory })
        {
            var data = Directory.GetLastWriteTimeUtc(dataDirectory);
            last = data > last ? data : last;
        }

        return last;
    }
}
