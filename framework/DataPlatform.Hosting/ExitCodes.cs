namespace DataPlatform.Hosting;

/// <summary>The process exit codes of every DataPlatform command line (DESIGN.md §7).</summary>
public static class ExitCodes
{
    /// <summary>The command succeeded.</summary>
    public const int Ok = 0;

    /// <summary>Usage error or unexpected failure.</summary>
    public const int Error = 1;

    /// <summary>The database schema drifted from the model (validate), or cannot be deployed without a person's decision.</summary>
    public const int SchemaDrift = 2;

    /// <summary>A database cannot be reached (or no local PostgreSQL can be started).</summary>
    public const int CannotConnect = 3;

    /// <summary>Another run holds the warehouse's run lock.</summary>
    public const int LockHeld = 4;

    /// <summary>More rows were rejected (quarantined) than the allowed threshold.</summary>
    public const int DataRejected = 5;

    /// <summary>The command was cancelled (Ctrl+C / SIGTERM), like a shell's 128 + SIGINT.</summary>
    public const int Cancelled = 130;
}
