using System.Globalization;
using Microsoft.Extensions.Logging;

namespace DataPlatform.LocalPostgres;

/// <summary>
/// Stops and deletes a cluster directory that nobody uses any more (a leaked ephemeral cluster, a relocated cluster whose
/// checkout is gone), without ever following a symbolic link or trusting a process id it did not verify.
/// </summary>
/// <remarks>
/// A directory qualifies only when it is a real directory (not a link) owned by this user, or, when root, by the service
/// account root's clusters are handed to. Its <c>data</c> directory and <c>postmaster.pid</c> must be a real directory and a
/// regular file; anything else (a link planted to lead the teardown to another cluster) leaves the whole directory alone.
/// The process id in <c>postmaster.pid</c> is signalled only when <see cref="PostmasterProcess"/> confirms it is the server of
/// that data directory. A tree owned by the service account is deleted as that account, so a link swapped in during the
/// deletion can only lead it where that account could go anyway.
/// </remarks>
internal static class ClusterTeardown
{
    private const string DataFolder = "data";
    private const string PidFileName = "postmaster.pid";

    /// <summary>The status of <paramref name="path"/> when it is a real directory owned by this process's clusters' account.</summary>
    public static FileStatus? OwnedDirectory(string path) =>
        FileStatus.Get(path, followLinks: false) is { Kind: FileStatus.FileKind.Directory } status && ServiceAccount.OwnsClustersOf(status.OwnerId)
            ? status
            : null;

    /// <summary>Whether <paramref name="status"/> is a file this user wrote itself: a regular file it owns, with no other name.</summary>
    public static bool IsOwnFile(FileStatus? status) =>
        status is { Kind: FileStatus.FileKind.RegularFile, LinkCount: 1 } file && file.OwnerId == ServiceAccount.CurrentUserId;

    /// <summary>
    /// Whether a server of the cluster in <paramref name="root"/> may be running: the verified server of its data directory, or a
    /// live process named in <c>postmaster.pid</c> that cannot be verified. <see langword="null"/> when the layout is not one
    /// this code creates (a linked data directory or pid file).
    /// </summary>
    public static PostmasterProcess.Identity? Server(string root, out int processId)
    {
        processId = 0;
        var dataDirectory = Path.Combine(root, DataFolder);
        var data = FileStatus.Get(dataDirectory, followLinks: false);
        if (data is null)
        {
            return PostmasterProcess.Identity.Gone;
        }

        if (data.Value.Kind != FileStatus.FileKind.Directory)
        {
            return null;
        }

        var pidFile = Path.Combine(dataDirectory, PidFileName);
        var pid = FileStatus.Get(pidFile, followLinks: false);
        if (pid is null)
        {
            return PostmasterProcess.Identity.Gone;
        }

        if (pid.Value.Kind != FileStatus.FileKind.RegularFile || !ServiceAccount.OwnsClustersOf(pid.Value.OwnerId))
        {
            return null;
        }

        return TryReadProcessId(pidFile, out processId) ? PostmasterProcess.Identify(processId, data.Value) : PostmasterProcess.Identity.Gone;
    }

    /// <summary>
    /// Stops the cluster's server when one runs (verified) and deletes <paramref name="root"/>. Returns false, with the reason
    /// logged, when the directory is left alone.
    /// </summary>
    /// <exception cref="LocalPostgresException">The server did not stop, or the directory could not be deleted.</exception>
    /// <exception cref="IOException">The directory could not be deleted.</exception>
    public static bool StopAndDelete(string root, FileStatus rootStatus, ILogger logger)
    {
        var server = Server(root, out var processId);
        switch (server)
        {
            case null:
                LocalPostgresLog.LeftAlone(logger, root, "its data directory or postmaster.pid is not what a cluster holds (a link, or another user's)");
                return false;
            case PostmasterProcess.Identity.Unverifiable:
                LocalPostgresLog.LeftAlone(logger, root, $"process {processId} named in postmaster.pid is alive but cannot be identified");
                return false;
            case PostmasterProcess.Identity.ServerOfDirectory:
                var dataDirectory = Path.Combine(root, DataFolder);
                LocalPostgresLog.StoppingLeakedServer(logger, processId, dataDirectory);
                if (FileStatus.Get(dataDirectory, followLinks: false) is not { Kind: FileStatus.FileKind.Directory } data
                    || PostmasterProcess.StopImmediately(processId, data, LocalPostgresCluster.EmergencyStopTimeout) == PostmasterProcess.Identity.Unverifiable)
                {
                    LocalPostgresLog.LeftAlone(logger, root, $"process {processId} named in postmaster.pid could not be held to be signalled");
                    return false;
                }

                break;
        }

        LocalPostgresLog.Deleting(logger, root);
        DeleteTree(root, rootStatus);
        return true;
    }

    /// <summary>Reads the process id on the first line of a lease or <c>postmaster.pid</c> file.</summary>
    public static bool TryReadProcessId(string file, out int processId)
    {
        processId = 0;
        string? firstLine;
        try
        {
            firstLine = File.ReadLines(file).FirstOrDefault();
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }

        return int.TryParse(firstLine?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out processId) && processId > 0;
    }

    private static void DeleteTree(string root, FileStatus rootStatus)
    {
        if (rootStatus.OwnerId == ServiceAccount.CurrentUserId)
        {
            Directory.Delete(root, recursive: true);
            return;
        }

        // Root deleting the service account's tree: rm (which never follows links) runs as that account. It cannot remove the
        // top directory itself from a parent only root may write to (the relocation root), so root removes it once empty.
        var (fileName, arguments) = ServiceAccount.Wrap("rm", ["-rf", "--one-file-system", "--", root]);
        var removal = ProcessRunner.Run(fileName, arguments, LocalPostgresCluster.EmergencyStopTimeout);
        if (Directory.Exists(root))
        {
            if (Directory.EnumerateFileSystemEntries(root).Any())
            {
                removal.EnsureSuccess($"Deleting '{root}'");
            }

            Directory.Delete(root, recursive: false);
        }
    }
}
