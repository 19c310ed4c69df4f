using System.Diagnostics;
using System.Globalization;

namespace DataPlatform.LocalPostgres;

/// <summary>
/// A detached shell loop that cleans up after a process that dies without disposing its cluster (killed test host, crashed
/// CLI): it stops the server if one is running and deletes the directory of an ephemeral cluster. It runs as the current
/// user, polls once a second while the owner process is alive and the lease file exists, and exits by itself when the lease
/// file is removed (normal stop or dispose), so it never needs to be killed.
/// </summary>
internal static class ClusterWatchdog
{
    private const string Script = """
        exec </dev/null >/dev/null 2>&1
        owner="$1"; lease="$2"; data="$3"; root="$4"; shift 4
        while kill -0 "$owner" 2>/dev/null && [ -e "$lease" ]; do sleep 1; done
        if kill -0 "$owner" 2>/dev/null || [ ! -e "$lease" ]; then exit 0; fi
        if [ -f "$data/postmaster.pid" ]; then "$@"; fi
        rm -f "$lease"
        if [ -n "$root" ]; then rm -rf "$root"; fi
        """;

    /// <summary>
    /// Creates <paramref name="leaseFile"/> and starts the watchdog; <paramref name="deleteDirectory"/> is removed after the stop
    /// when not <see langword="null"/>. Delete the lease file to end the watchdog.
    /// </summary>
    public static void Start(
        string leaseFile, string dataDirectory, string? deleteDirectory, string stopFileName, IReadOnlyList<string> stopArguments)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.WriteAllText(leaseFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

        // The outer shell exits at once, so the loop is re-parented to init and is not part of this process tree:
        // killing the tree of a hung test host does not kill the watchdog with it.
        var startInfo = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add("sh -c \"$0\" watchdog \"$@\" &");
        startInfo.ArgumentList.Add(Script);
        startInfo.ArgumentList.Add(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        startInfo.ArgumentList.Add(leaseFile);
        startInfo.ArgumentList.Add(dataDirectory);
        startInfo.ArgumentList.Add(deleteDirectory ?? string.Empty);
        startInfo.ArgumentList.Add(stopFileName);
        foreach (var argument in stopArguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo);
        process?.StandardInput.Close();
        process?.WaitForExit(5000);
    }

    /// <summary>
    /// Writes the lease again with the same owner process id, as a new file owned by this user moved over the old one, so
    /// the watchdog never sees it missing.
    /// </summary>
    public static void Rewrite(string leaseFile)
    {
        var staging = leaseFile + ".new";
        File.WriteAllText(staging, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        File.Move(staging, leaseFile, overwrite: true);
    }

    /// <summary>Ends the watchdog (it exits within a second) by removing its lease file.</summary>
    public static void Release(string leaseFile)
    {
        try
        {
            File.Delete(leaseFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The directory is gone or being deleted; the watchdog exits either way.
        }
    }
}
