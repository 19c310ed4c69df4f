using System.Diagnostics;
using System.Text;

namespace DataPlatform.Warehouses.Pagila.Tests.Infrastructure;

/// <summary>
/// Runs the built <c>pagila-warehouse</c> (the quick-start command, <c>dotnet run --project layer3-warehouses/pagila-warehouse</c>,
/// minus the build) as a separate process with redirected output, and can SIGKILL it when a stderr line matches.
/// </summary>
internal static class WarehouseCli
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);

    /// <summary>The host assembly, copied next to the tests by the project reference.</summary>
    public static string AssemblyPath { get; } = Path.Combine(AppContext.BaseDirectory, "pagila-warehouse.dll");

    /// <summary>Starts the host; call <see cref="RunningCli.WaitAsync"/> for the result.</summary>
    public static RunningCli Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, Func<string, bool>? killWhen = null)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        startInfo.ArgumentList.Add(AssemblyPath);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Only what the test passes: never the developer's own warehouse or home directory.
        startInfo.Environment.Remove("DATAPLATFORM_SOURCE");
        startInfo.Environment.Remove("DATAPLATFORM_WAREHOUSE");
        startInfo.Environment.Remove("DATAPLATFORM_HOME");
        startInfo.Environment["CI"] = "true";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            startInfo.Environment[name] = value;
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start.");
        process.StandardInput.Close();
        return new RunningCli(process, killWhen);
    }

    public static Task<CliResult> RunAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, Func<string, bool>? killWhen = null) =>
        Start(arguments, environment, killWhen).WaitAsync();

    /// <summary>A started host process.</summary>
    internal sealed class RunningCli
    {
        private readonly Process _process;
        private readonly StringBuilder _stdout = new();
        private readonly StringBuilder _stderr = new();
        private readonly Task _readOut;
        private readonly Task _readErr;
        private readonly TaskCompletionSource _stderrSeen = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Func<string, bool>? _waitFor;
        private volatile bool _killed;

        public RunningCli(Process process, Func<string, bool>? killWhen)
        {
            _process = process;
            _readOut = PumpAsync(process.StandardOutput, _stdout, null);
            _readErr = PumpAsync(process.StandardError, _stderr, killWhen);
        }

        /// <summary>Sends SIGTERM, as a service manager or <c>docker stop</c> would.</summary>
        public void Terminate()
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }

        /// <summary>Completes when a stderr line matches <paramref name="predicate"/> (or the process ends).</summary>
        public Task WaitForStderrAsync(Func<string, bool> predicate)
        {
            lock (_stderr)
            {
                if (_stderr.ToString().Split('\n').Any(predicate))
                {
                    return Task.CompletedTask;
                }

                _waitFor = predicate;
                return _stderrSeen.Task;
            }
        }

        public async Task<CliResult> WaitAsync()
        {
            using var timeout = new CancellationTokenSource(s_timeout);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                throw new TimeoutException($"pagila-warehouse did not finish within {s_timeout}.\n{_stderr}");
            }

            await Task.WhenAll(_readOut, _readErr);
            var exitCode = _process.ExitCode;
            _process.Dispose();
            return new CliResult(exitCode, _stdout.ToString(), _stderr.ToString(), _killed);
        }

        private async Task PumpAsync(StreamReader reader, StringBuilder into, Func<string, bool>? killWhen)
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                lock (into)
                {
                    into.AppendLine(line);
                    if (_waitFor is not null && ReferenceEquals(into, _stderr) && _waitFor(line))
                    {
                        _stderrSeen.TrySetResult();
                    }
                }

                if (killWhen is not null && !_killed && killWhen(line))
                {
                    _killed = true;
                    _process.Kill(entireProcessTree: false); // SIGKILL on Unix
                }
            }

            if (ReferenceEquals(into, _stderr))
            {
                _stderrSeen.TrySetResult();
            }
        }
    }
}
