using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Silver;

/// <summary>Silver <c>Language</c>: A film language (lookup data). Source deletes become soft deletes (<see cref="InactivatedDate"/>).</summary>
public sealed class Language : IReferenceData, IHasSourceBatch
{
    /// <summary>The source key.</summary>
    public int LanguageId { get; set; }

    /// <summary>The language name, trimmed (the source pads it to 20 characters).</summary>
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
