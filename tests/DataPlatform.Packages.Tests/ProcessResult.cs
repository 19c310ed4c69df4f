namespace DataPlatform.Packages.Tests;

/// <summary>How a command ended: its exit code, standard output and standard error (the whole of it in assertion messages).</summary>
internal sealed record ProcessResult(string CommandLine, int ExitCode, string Output, string Error)
{
    public override string ToString() =>
        $"{CommandLine} exited {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{Output}{Environment.NewLine}stderr:{Environment.NewLine}{Error}";
}
