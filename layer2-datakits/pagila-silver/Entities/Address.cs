using System.ComponentModel.DataAnnotations.Schema;
using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Silver;

/// <summary>Silver <c>Address</c>: A postal address. Source deletes become soft deletes (<see cref="InactivatedDate"/>).</summary>
public sealed class Address : IReferenceData, ITransactionalData, IHasSourceBatch
{
    /// <summary>The source key.</summary>
    public int AddressId { get; set; }

    /// <summary>The street address, trimmed (source column <c>address</c>).</summary>
    [Column("address")]
    public string Line1 { get; set; } = string.Empty;

    /// <summary>The second address line, trimmed; NULL when blank (source column <c>address2</c>).</summary>
    [Column("address2")]
    public string? Line2 { get; set; }

    /// <summary>The district, trimmed.</summary>
    public string District { get; set; } = string.Empty;

    /// <summary>The city (foreign key).</summary>
    public int CityId { get; set; }

    /// <summary>The postal code, trimmed; NULL when blank.</summary>
    public string? PostalCode { get; set; }

    /// <summary>The phone number, trimmed.</summary>
    public string Phone { get; set; } = string.Empty;

    /// <summary>The source's <c>last_update</c> (UTC).</summary>
    public DateTime? LastUpdate { get; set; }

    /// <inheritdoc />
    public long SourceBatchId { get; set; }

    /// <inheritdoc />
    public DateTime? InactivatedDate { get; set; }

    /// <inheritdoc />
    public DateTime CreatedAt { get; set; }

    /// <inheritdoc />
    public DateTime UpdatedAt { get; set; }

    /// <inheritdoc />
    public DateTime Systime { get; set; }
}
