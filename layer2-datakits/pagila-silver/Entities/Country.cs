using System.ComponentModel.DataAnnotations.Schema;
using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Silver;

/// <summary>Silver <c>Country</c>: A country (lookup data). Source deletes become soft deletes (<see cref="InactivatedDate"/>).</summary>
public sealed class Country : IReferenceData, IHasSourceBatch
{
    /// <summary>The source key.</summary>
    public int CountryId { get; set; }

    /// <summary>The country name, trimmed.</summary>
    [Column("country")]
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
