using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Silver;

/// <summary>Silver <c>FilmCategory</c>: A film's category. Source deletes become soft deletes (<see cref="InactivatedDate"/>).</summary>
public sealed class FilmCategory : IReferenceData, ITransactionalData, IHasSourceBatch
{
    /// <summary>The film (foreign key).</summary>
    public int FilmId { get; set; }

    /// <summary>The category (foreign key).</summary>
    public int CategoryId { get; set; }

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
