using System.Diagnostics;

namespace DataPlatform.LocalPostgres;

/// <summary>
/// Looks at processes of this machine by id: whether one is alive and what its command line is. On Linux this reads
/// <c>/proc</c>, where a zombie (exited, never reaped: common when the init of a container does not reap orphans) counts
/// as dead, although <c>kill -0</c> still succeeds for it.
/// </summary>
internal static class LocalProcesses
{
    /// <summary>Whether the process <paramref name="processId"/> exists and has not exited.</summary>
    public static bool IsAlive(int processId)
    {
        if (processId <= 0)
        {
            return false;
        }

        if (OperatingSystem.IsLinux())
        {
            string stat;
            try
            {
                stat = File.ReadAllText($"/proc/{processId}/stat");
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                return false;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Hidden or unreadable: it exists, so treat it as alive (the safe answer for every caller).
                return true;
            }

            // "pid (comm) S ...": comm may hold spaces and parentheses, the state follows the last ')'.
            var end = stat.LastIndexOf(')');
            var state = end >= 0 && end + 2 < stat.Length ? stat[end + 2] : 'R';
            return state is not ('Z' or 'X' or 'x');
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// The arguments (program first) of the process <paramref name="processId"/>, or <see langword="null"/> where they cannot
    /// be read (not Linux, process gone, access denied).
    /// </summary>
    public static IReadOnlyList<string>? CommandLine(int processId)
    {
        if (!OperatingSystem.IsLinux() || processId <= 0)
        {
            return null;
        }

        try
        {
            return File.ReadAllText($"/proc/{processId}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Sends SIGTERM to <paramref name="processId"/>; false when it could not be sent (no such process, not permitted).</summary>
    public static bool Terminate(int processId) => processId > 0 && SendSignal(processId, SignalTerminate) == 0;

    private const int SignalTerminate = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [System.Runtime.InteropServices.DefaultDllImportSearchPaths(System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // LibraryImport needs AllowUnsafeBlocks; kill takes two ints, so no marshalling happens.
    private static extern int SendSignal(int processId, int signal);
#pragma warning restore SYSLIB1054
}
