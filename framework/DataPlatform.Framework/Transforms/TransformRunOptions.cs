namespace DataPlatform.Framework.Transforms;

/// <summary>Options of one in-server transform run.</summary>
public sealed class TransformRunOptions
{
    /// <summary>Insert or upsert (the default).</summary>
    public TransformMode Mode { get; init; } = TransformMode.Upsert;

    /// <summary>The target properties an upsert matches on; null for the model's key (see <see cref="TransformMode.Upsert"/>).</summary>
    public IReadOnlyList<string>? KeyProperties { get; init; }

    /// <summary>
    /// Count the input rows with a separate <c>SELECT count(*)</c> and fail unless read = written + quarantined (default
    /// true). When false, <see cref="TransformResult.RowsRead"/> is written + quarantined.
    /// </summary>
    public bool VerifyCounts { get; init; } = true;
}
