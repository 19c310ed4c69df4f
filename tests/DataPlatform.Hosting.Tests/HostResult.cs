namespace DataPlatform.Hosting.Tests;

/// <summary>What an in-process host run returned and wrote.</summary>
internal sealed record HostResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
