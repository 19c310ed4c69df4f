namespace DataPlatform.Framework.Ledger;

/// <summary>
/// One row of <c>dataplatform.source_identity</c>: the source database a pipeline's layers were loaded from, identified by
/// the source server's system identifier and the database name. A run against another source is refused unless the
/// caller accepts the new source (<see cref="Pipelines.PipelineRunRequest.NewSource"/>).
/// </summary>
public sealed class SourceIdentity
{
    /// <summary>The pipeline (e.g. <c>pagila</c>); one identity per pipeline, so several warehouses can share one ledger.</summary>
    public string Pipeline { get; set; } = string.Empty;

    /// <summary>The source server's <c>pg_control_system().system_identifier</c>, unique per cluster (initdb).</summary>
    public string SystemIdentifier { get; set; } = string.Empty;

    /// <summary>The source database's name.</summary>
    public string DatabaseName { get; set; } = string.Empty;

    /// <summary>The batch that recorded this identity.</summary>
    public long BatchId { get; set; }

    /// <summary>When it was recorded.</summary>
    public DateTime RecordedAt { get; set; }

    /// <summary>Whether <paramref name="other"/> names the same source database.</summary>
    public bool IsSameSource(SourceIdentity other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(SystemIdentifier, other.SystemIdentifier, StringComparison.Ordinal)
            && string.Equals(DatabaseName, other.DatabaseName, StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public override string ToString() => $"database '{DatabaseName}' on server {SystemIdentifier}";
}
