using DataPlatform.Framework.Ledger;

namespace DataPlatform.Framework.Pipelines;

/// <summary>
/// The run reads another source database than the one the pipeline's layers were loaded from (recorded in the ledger).
/// Nothing was started. Loading a second source into the same layers would mix or replace data, so the caller has to
/// accept the new source explicitly (<see cref="PipelineRunRequest.NewSource"/>).
/// </summary>
public sealed class SourceMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SourceMismatchException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SourceMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SourceMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The pipeline loaded from <paramref name="recorded"/> was asked to read <paramref name="actual"/>.</summary>
    public SourceMismatchException(SourceIdentity recorded, SourceIdentity actual)
        : base(Describe(recorded, actual))
    {
        Recorded = recorded;
        Actual = actual;
    }

    /// <summary>The source the pipeline was loaded from.</summary>
    public SourceIdentity? Recorded { get; }

    /// <summary>The source this run was given.</summary>
    public SourceIdentity? Actual { get; }

    private static string Describe(SourceIdentity recorded, SourceIdentity actual)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(actual);
        return $"The {recorded.Pipeline} layers of this warehouse were loaded from {recorded} (batch {recorded.BatchId}); this run reads {actual}. "
            + "Nothing was run: loading another source into them would mix or replace their data. Run against the original source, "
            + "or accept the new one explicitly (--new-source), which re-reads it in full.";
    }
}
