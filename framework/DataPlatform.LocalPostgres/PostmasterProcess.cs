using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DataPlatform.LocalPostgres;

/// <summary>
/// Tells whether a process id names the PostgreSQL server of a data directory, and stops it, on Linux. A process id read
/// from <c>postmaster.pid</c> (or any file) is only a claim: the process counts as that server when its executable
/// (<c>/proc/&lt;pid&gt;/exe</c>) is a <c>postgres</c> binary and its working directory (<c>/proc/&lt;pid&gt;/cwd</c>; the
/// postmaster changes into its data directory) is that very directory, compared by device and inode, so neither a recycled
/// process id, a process that merely names the directory on its command line, nor the server of another data directory
/// is ever signalled.
/// </summary>
/// <remarks>
/// The signal goes through a pidfd opened before the check, so the process checked is the process signalled even if it
/// exits and its id is reused in between (on kernels without pidfds, older than 5.3, the check is followed by a plain
/// <c>kill</c>).
/// </remarks>
internal static class PostmasterProcess
{
    private const string ServerExecutable = "postgres";
    private const int SignalQuit = 3;
    private const int PidfdOpen = 434;
    private const int PidfdSendSignal = 424;
    private const int NoSuchSystemCall = 38;

    /// <summary>What a process id is, as far as a data directory is concerned.</summary>
    public enum Identity
    {
        /// <summary>No live process has this id.</summary>
        Gone,

        /// <summary>The PostgreSQL server of the data directory.</summary>
        ServerOfDirectory,

        /// <summary>A live process that is not the server of the data directory.</summary>
        Other,

        /// <summary>A live process whose executable or working directory cannot be read (another user's, no <c>/proc</c>).</summary>
        Unverifiable,
    }

    /// <summary>What <paramref name="processId"/> is with respect to the data directory described by <paramref name="dataDirectory"/>.</summary>
    public static Identity Identify(int processId, FileStatus dataDirectory)
    {
        if (!LocalProcesses.IsAlive(processId))
        {
            return Identity.Gone;
        }

        if (!OperatingSystem.IsLinux())
        {
            return Identity.Unverifiable;
        }

        string? executable;
        try
        {
            executable = new FileInfo($"/proc/{processId}/exe").LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return LocalProcesses.IsAlive(processId) ? Identity.Unverifiable : Identity.Gone;
        }

        var workingDirectory = FileStatus.Get($"/proc/{processId}/cwd", followLinks: true);
        if (executable is null || workingDirectory is null)
        {
            return LocalProcesses.IsAlive(processId) ? Identity.Unverifiable : Identity.Gone;
        }

        return string.Equals(Path.GetFileName(executable), ServerExecutable, StringComparison.Ordinal)
               && workingDirectory.Value.IsSameFileAs(dataDirectory)
            ? Identity.ServerOfDirectory
            : Identity.Other;
    }

    /// <summary>
    /// Stops the server of the data directory with an immediate shutdown (SIGQUIT, what <c>pg_ctl stop -m immediate</c> sends)
    /// when <paramref name="processId"/> is that server, and waits up to <paramref name="timeout"/> for it to exit.
    /// Returns what the process was; for <see cref="Identity.ServerOfDirectory"/> it has exited when this returns.
    /// </summary>
    /// <exception cref="LocalPostgresException">The server could not be signalled or did not exit in time.</exception>
    public static Identity StopImmediately(int processId, FileStatus dataDirectory, TimeSpan timeout)
    {
        var handle = (int)SystemCall(PidfdOpen, processId, 0, 0, 0);
        var errorNumber = Marshal.GetLastPInvokeError();
        try
        {
            if (handle < 0 && errorNumber != NoSuchSystemCall)
            {
                // ESRCH: the process is gone; anything else (EPERM, EMFILE): it cannot be held, so it is not signalled.
                return LocalProcesses.IsAlive(processId) ? Identity.Unverifiable : Identity.Gone;
            }

            var identity = Identify(processId, dataDirectory);
            if (identity != Identity.ServerOfDirectory)
            {
                return identity;
            }

            var sent = handle >= 0 ? SystemCall(PidfdSendSignal, handle, SignalQuit, 0, 0) == 0 : SendSignal(processId, SignalQuit) == 0;
            if (!sent)
            {
                throw new LocalPostgresException(
                    $"Could not signal the PostgreSQL server {processId} (errno {Marshal.GetLastPInvokeError()}).");
            }

            var clock = Stopwatch.StartNew();
            while (LocalProcesses.IsAlive(processId))
            {
                if (clock.Elapsed > timeout)
                {
                    throw new LocalPostgresException(
                        $"The PostgreSQL server {processId} did not exit within {timeout.TotalSeconds:0} s of an immediate shutdown.");
                }

                Thread.Sleep(50);
            }

            return identity;
        }
        finally
        {
            if (handle >= 0)
            {
                _ = Close(handle);
            }
        }
    }

    // syscall(2) is variadic; every argument is passed as a long, which is how both x86-64 and arm64 pass variadic integers.
    [DllImport("libc", EntryPoint = "syscall", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // LibraryImport needs AllowUnsafeBlocks; only integers are passed, so no marshalling happens.
    private static extern long SystemCall(long number, long first, long second, long third, long fourth);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SendSignal(int processId, int signal);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(int descriptor);
#pragma warning restore SYSLIB1054
}
