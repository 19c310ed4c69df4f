namespace DataPlatform.Framework.Extraction;

/// <summary>How a bronze table finds the source rows to read (see <see cref="ExtractionPolicy"/>).</summary>
public enum ExtractionPolicyKind
{
    /// <summary>Rows whose cursor column is after the last cursor minus a lag (or NULL).</summary>
    Cursor,

    /// <summary>Rows whose id is above the last high-water mark minus a late window.</summary>
    HighWater,

    /// <summary>Every row, compared with bronze by record hash.</summary>
    Snapshot,
}
