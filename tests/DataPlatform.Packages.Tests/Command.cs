using System.Diagnostics;

namespace DataPlatform.Packages.Tests;

/// <summary>
/// Runs a command as a user would in a shell, in a clean environment: no DataPlatform connection variables (the commands
/// under test pick their own defaults), no MSBuild or test-host variables of the test run leaking into the dotnet commands
/// it starts, and no report of the PostgreSQL fixture a generated test project uses.
/// </summary>
internal static class Command
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(10);

    private static readonly string[] s_removed =
    [
        "DATAPLATFORM_WAREHOUSE", "DATAPLATFORM_SOURCE", "DATAPLATFORM_HOME", "DATAPLATFORM_TEST_PG_REPORT",
        "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly",
    ];

    private static readonly string[] s_removedPrefixes = ["VSTEST_", "TESTINGPLATFORM_"];

    public static async Task<ProcessResult> RunAsync(
        string workingDirectory,
        string fileName,
        IReadOnlyList<string> arguments,
        CancellationToken ct,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in startInfo.Environment.Keys.ToList())
        {
            if (s_removed.Contains(name, StringComparer.Ordinal)
                || s_removedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            {
                startInfo.Environment.Remove(name);
            }
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        var commandLine = $"{fileName} {string.Join(' ', arguments)}";
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{commandLine} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(s_timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException(
                $"{commandLine} did not finish within {s_timeout} (or the test was cancelled).{Environment.NewLine}{await output}{await error}");
        }

        return new ProcessResult(commandLine, process.ExitCode, await output, await error);
    }

    /// <summary>Runs the command and fails the test unless it exits 0.</summary>
    public static async Task<ProcessResult> SucceedAsync(
        string workingDirectory,
        string fileName,
        IReadOnlyList<string> arguments,
        CancellationToken ct,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = await RunAsync(workingDirectory, fileName, arguments, ct, environment);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
