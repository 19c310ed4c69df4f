using System.Globalization;
using Microsoft.Extensions.Logging;

namespace DataPlatform.LocalPostgres;

/// <summary>
/// Removes ephemeral cluster directories (<c>dataplatform-pg-*</c>) that nobody will clean up any more: the owner process
/// died and its <see cref="ClusterWatchdog"/> died with it (a process-group kill of a test run), so the server keeps running
/// and the directory stays. Runs before each new ephemeral cluster is created.
/// </summary>
/// <remarks>
/// Only two kinds of directory are swept, everything else is left alone:
/// <list type="bullet">
/// <item>a lease file (<c>watchdog.lease</c>) names an owner process that is no longer alive;</item>
/// <item>there is no lease file, nothing in the directory changed for <see cref="UnleasedGracePeriod"/>, and no server runs
/// on its data directory (a crash between creating the directory and writing the lease).</item>
/// </list>
/// A server still running on a swept data directory is stopped first (<c>pg_ctl stop -m immediate</c>, as the cluster's own
/// emergency stop does); the directory is kept when it does not stop. A process id read from <c>postmaster.pid</c> counts as
/// that server only when its command line names the data directory, so a recycled process id is never signalled; where the
/// command line cannot be read (no <c>/proc</c>), the directory is left alone.
/// Failures are logged and never thrown: a new cluster must start regardless.
/// </remarks>
internal static class LeakedClusterSweeper
{
    /// <summary>How long a directory without a lease file must be untouched before it counts as abandoned.</summary>
    public static readonly TimeSpan UnleasedGracePeriod = TimeSpan.FromMinutes(10);

    /// <summary>How long a lease file without a readable process id counts as being written.</summary>
    public static readonly TimeSpan GarbledLeaseGracePeriod = TimeSpan.FromMinutes(1);

    /// <summary>Sweeps the leaked ephemeral cluster directories directly under <paramref name="parentDirectory"/>.</summary>
    public static void Sweep(string parentDirectory, PostgresBinaries binaries, ILogger logger)
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
                SweepOne(directory, binaries, logger);
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

    private static void SweepOne(string root, PostgresBinaries binaries, ILogger logger)
    {
        if (new DirectoryInfo(root).LinkTarget is not null)
        {
            return;
        }

        var dataDirectory = Path.Combine(root, "data");
        try
        {
            // A cluster of another user cannot be read (mode 700): it is not ours to judge.
            _ = Directory.EnumerateFileSystemEntries(root).Any();
        }
        catch (UnauthorizedAccessException)
        {
            return;
        }

        var leaseFile = Path.Combine(root, LocalPostgresCluster.LeaseFileName);
        if (File.Exists(leaseFile))
        {
            // An unreadable number is a lease being written right now by a live owner, unless it stayed so for a minute (the
            // owner died while writing it).
            var readable = TryReadProcessId(leaseFile, out var owner);
            if (readable ? LocalProcesses.IsAlive(owner) : DateTime.UtcNow - File.GetLastWriteTimeUtc(leaseFile) < GarbledLeaseGracePeriod)
            {
                return;
            }

            LocalPostgresLog.SweepingOrphaned(logger, root, owner);
        }
        else
        {
            var idle = DateTime.UtcNow - LastChange(root, dataDirectory);
            if (idle < UnleasedGracePeriod || RunningServer(dataDirectory, out _) is not ServerState.None)
            {
                return;
            }

            LocalPostgresLog.SweepingAbandoned(logger, root, (int)idle.TotalMinutes);
        }

        var server = RunningServer(dataDirectory, out var serverProcessId);
        if (server == ServerState.Unverifiable)
        {
            // A live process holds the server's pid but its command line cannot be read: it may be the server, or a
            // process that got the pid again. Neither signalling it nor deleting the directory under it is safe.
            return;
        }

        if (server == ServerState.Running)
        {
            LocalPostgresLog.StoppingLeakedServer(logger, serverProcessId, dataDirectory);
            var (fileName, arguments) = LocalPostgresCluster.EmergencyStopCommand(binaries, dataDirectory, "immediate");
            var result = ProcessRunner.Run(fileName, arguments, LocalPostgresCluster.EmergencyStopTimeout);
            if (RunningServer(dataDirectory, out _) != ServerState.None)
            {
                // Deleting the directory under a live server would leak the server with no trace of it left.
                throw new LocalPostgresException(
                    $"The leaked server {serverProcessId} did not stop (exit code {result.ExitCode}): {result.CommandLine}"
                    + $"{Environment.NewLine}{result.StandardError}");
            }
        }

        LocalPostgresLog.Deleting(logger, root);
        Directory.Delete(root, recursive: true);
    }

    private enum ServerState
    {
        None,
        Running,
        Unverifiable,
    }

    /// <summary>
    /// Whether the server of <paramref name="dataDirectory"/> runs: the process named in <c>postmaster.pid</c> is alive and its
    /// command line names the data directory (as this sweep spells it, or as the server wrote it on the file's second line).
    /// </summary>
    private static ServerState RunningServer(string dataDirectory, out int processId)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile) || !TryReadProcessId(pidFile, out processId) || !LocalProcesses.IsAlive(processId))
        {
            processId = 0;
            return ServerState.None;
        }

        var commandLine = LocalProcesses.CommandLine(processId);
        if (commandLine is null)
        {
            return ServerState.Unverifiable;
        }

        var written = File.ReadLines(pidFile).Skip(1).FirstOrDefault()?.Trim();
        return commandLine.Contains(dataDirectory, StringComparer.Ordinal) || (written is { Length: > 0 } && commandLine.Contains(written, StringComparer.Ordinal))
            ? ServerState.Running
            : ServerState.None;
    }

    /// <summary>Reads the process id on the first line of a lease or <c>postmaster.pid</c> file.</summary>
    private static bool TryReadProcessId(string file, out int processId)
    {
        processId = 0;
        string? firstLine;
        try
        {
            firstLine = File.ReadLines(file).FirstOrDefault();
        }
        catch (FileNotFoundException)
        {
            return false;
        }

        return int.TryParse(firstLine?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out processId) && processId > 0;
    }

    private static DateTime LastChange(string root, string dataDirectory)
    {
        var last = Directory.GetLastWriteTimeUtc(root);
        if (Directory.Exists(dataDirectory))
        {
            var data = Directory.GetLastWriteTimeUtc(dataDirectory);
            last = data > last ? data : last;
        }

        return last;
    }
}
