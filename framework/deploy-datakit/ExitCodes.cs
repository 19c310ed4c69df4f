namespace DataPlatform.DeployDatakit;

/// <summary>Process exit codes (DESIGN.md §7).</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    public const int Error = 1;

    public const int SchemaDrift = 2;

    public const int CannotConnect = 3;

    public const int Cancelled = 130;
}
