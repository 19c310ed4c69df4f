using System.Diagnostics;
using System.Text;

namespace DataPlatform.LocalPostgres;

/// <summary>Runs a command to completion with a timeout, capturing standard output and standard error.</summary>
internal static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var run = RunningProcess.Start(fileName, arguments, environment);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await run.Process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(run.Process);
            cancellationToken.ThrowIfCancellationRequested();
            throw run.TimedOut(timeout);
        }

        return run.Finish();
    }

    /// <summary>
    /// The blocking form of <see cref="RunAsync"/>, for process-exit handlers and synchronous factories where no async code
    /// can run.
    /// </summary>
    public static ProcessResult Run(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        using var run = RunningProcess.Start(fileName, arguments, environment: null);
        if (!run.Process.WaitForExit(timeout))
        {
            Kill(run.Process);
            throw run.TimedOut(timeout);
        }

        return run.Finish();
    }

    public static string FormatCommandLine(string fileName, IEnumerable<string> arguments) =>
        string.Join(' ', new[] { fileName }.Concat(arguments).Select(Quote));

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(char.IsWhiteSpace) && !argument.Contains('"', StringComparison.Ordinal)
            ? argument
            : "\"" + argument.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }

    private static string Text(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString().Trim();
        }
    }

    /// <summary>How long a timed-out tool gets to end after SIGTERM (pg_ctl and initdb clean up) before SIGKILL.</summary>
    internal static readonly TimeSpan TerminateGracePeriod = TimeSpan.FromSeconds(5);

    // SIGTERM first, so a tool (or runuser, which passes it on) can end cleanly; SIGKILL only for what is still there.
    private static void Kill(Process process)
    {
        try
        {
            if (!OperatingSystem.IsWindows() && LocalProcesses.Terminate(process.Id) && process.WaitForExit(TerminateGracePeriod))
            {
                return;
            }

            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private sealed class RunningProcess : IDisposable
    {
        private readonly StringBuilder _stdout = new();
        private readonly StringBuilder _stderr = new();
        private readonly string _commandLine;

        private RunningProcess(Process process, string commandLine)
        {
            Process = process;
            _commandLine = commandLine;
        }

        public Process Process { get; }

        public static RunningProcess Start(
            string fileName, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment)
        {
            var startInfo = new ProcessStartInfo(fileName)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                CreateNoWindow = true,
            };
            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            if (environment is not null)
            {
                foreach (var (name, value) in environment)
                {
                    startInfo.Environment[name] = value;
                }
            }

            var run = new RunningProcess(new Process { StartInfo = startInfo }, FormatCommandLine(fileName, arguments));
            run.Process.OutputDataReceived += (_, e) => Append(run._stdout, e.Data);
            run.Process.ErrorDataReceived += (_, e) => Append(run._stderr, e.Data);
            try
            {
                run.Process.Start();
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                run.Dispose();
                throw new LocalPostgresException($"Could not start '{run._commandLine}': {ex.Message}", ex);
            }

            run.Process.StandardInput.Close();
            run.Process.BeginOutputReadLine();
            run.Process.BeginErrorReadLine();
            return run;
        }

        public LocalPostgresException TimedOut(TimeSpan timeout) => new(
            $"'{_commandLine}' did not finish within {timeout.TotalSeconds:0} s and was killed. Standard error: {Text(_stderr)}");

        public ProcessResult Finish()
        {
            // The parameterless overload waits until the redirected streams reach end of file.
            Process.WaitForExit();
            return new ProcessResult(_commandLine, Process.ExitCode, Text(_stdout), Text(_stderr));
        }

        public void Dispose() => Process.Dispose();
    }
}
