namespace DataPlatform.Warehouses.Pagila.Tests.Infrastructure;

/// <summary>What one <c>pagila-warehouse</c> process did.</summary>
internal sealed record CliResult(int ExitCode, string StandardOutput, string StandardError, bool Killed)
{
    public override string ToString() =>
        $"exit code {ExitCode}{(Killed ? " (killed)" : string.Empty)}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}
