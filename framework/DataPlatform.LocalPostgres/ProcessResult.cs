namespace DataPlatform.LocalPostgres;

/// <summary>The outcome of one <see cref="ProcessRunner"/> call.</summary>
internal sealed record ProcessResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    public ProcessResult EnsureSuccess(string what)
    {
        if (!Succeeded)
        {
            var details = StandardError.Length > 0 ? StandardError : StandardOutput;
            throw new LocalPostgresException($"{what} failed (exit code {ExitCode}): {CommandLine}{Environment.NewLine}{details}");
        }

        return this;
    }
}
