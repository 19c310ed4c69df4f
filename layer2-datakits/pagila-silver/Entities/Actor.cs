using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Silver;

/// <summary>Silver <c>Actor</c>: An actor. Source deletes become soft deletes (<see cref="InactivatedDate"/>).</summary>
public sealed class Actor : IReferenceData, ITransactionalData, IHasSourceBatch
{
    /// <summary>The source key.</summary>
    public int ActorId { get; set; }

    /// <summary>The first name, trimmed.</summary>
    public string FirstName { get; set; } = string.Empty;

    /// <summary>The last name, trimmed.</summary>
    public string LastName { get; set; } = string.Empty;

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
