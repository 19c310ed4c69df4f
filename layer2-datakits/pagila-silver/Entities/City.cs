using System.ComponentModel.DataAnnotations.Schema;
using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Silver;

/// <summary>Silver <c>City</c>: A city (lookup data). Source deletes become soft deletes (<see cref="InactivatedDate"/>).</summary>
public sealed class City : IReferenceData, IHasSourceBatch
{
    /// <summary>The source key.</summary>
    public int CityId { get; set; }

    /// <summary>The city name, trimmed.</summary>
    [Column("city")]
    public string Name { get; set; } = string.Empty;

    /// <summary>The country (foreign key).</summary>
    public int CountryId { get; set; }

    /// <summary>The source's <c>last_update</c> (UTC).</summary>
    public DateTime? LastUpdate { get; set; }

    /// <inheritdoc />
    public long SourceBatchId { get; set; }

    /// <inheritdoc />
    public DateTime? InactivatedDate { get; set; }

    /// <inheritdoc />
    public DateTime Systime { get; set; }
}
