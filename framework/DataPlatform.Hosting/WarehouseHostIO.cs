namespace DataPlatform.Hosting;

/// <summary>Where a host writes: results to <see cref="Out"/>, log lines and messages to <see cref="Error"/>.</summary>
public sealed class WarehouseHostIO
{
    /// <summary>Writers of a host run in-process (tests): never a terminal, so no live progress.</summary>
    public WarehouseHostIO(TextWriter output, TextWriter error)
        : this(output, error, isTerminal: false)
    {
    }

    private WarehouseHostIO(TextWriter output, TextWriter error, bool isTerminal)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        Out = output;
        Error = error;
        IsTerminal = isTerminal;
    }

    /// <summary>The process's stdout and stderr; a terminal when stdout is not redirected and <c>CI</c> is not <c>true</c>.</summary>
    public static WarehouseHostIO Console { get; } = new(
        System.Console.Out,
        System.Console.Error,
        !System.Console.IsOutputRedirected
            && !string.Equals(Environment.GetEnvironmentVariable(EnvironmentVariables.Ci), "true", StringComparison.OrdinalIgnoreCase));

    /// <summary>Results: summaries, tables, SQL, connection hints.</summary>
    public TextWriter Out { get; }

    /// <summary>Log lines and messages.</summary>
    public TextWriter Error { get; }

    /// <summary>Whether <see cref="Out"/> is an interactive terminal (live progress is shown only there).</summary>
    public bool IsTerminal { get; }

    /// <summary>Whether this is the process's own console (signals are handled only then).</summary>
    internal bool IsProcessConsole => ReferenceEquals(this, Console);
}
