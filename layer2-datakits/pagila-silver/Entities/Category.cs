using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Silver;

/// <summary>Silver <c>Category</c>: A film category (lookup data). Source deletes become soft deletes (<see cref="InactivatedDate"/>).</summary>
public sealed class Category : IReferenceData, IHasSourceBatch
{
    /// <summary>The source key.</summary>
    public int CategoryId { get; set; }

    /// <summary>The category name, trimmed.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The source's <c>last_update</c> (UTC).</summary>
    public DateTime? LastUpdate { get; set; }

    /// <inheritdoc />
    public long SourceBatchId { get; set; }

    /// <inheritdoc />
    public DateTime? InactivatedDate { get; set; }

    /// <inheritdoc />
    public DateTime Systime { get; set; }
}
