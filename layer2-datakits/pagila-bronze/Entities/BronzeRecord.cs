using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>
/// The bronze metadata every Pagila bronze row carries: an append-only surrogate key plus the <see cref="IBronzeRecord"/>
/// mixin (batch, load time, record hash, source table, operation).
/// </summary>
public abstract class BronzeRecord : IBronzeRecord
{
    /// <summary><c>bronze_id bigint</c> identity: the primary key of the append-only table (source keys repeat per batch).</summary>
    public long BronzeId { get; set; }

    /// <inheritdoc />
    public long DpBatchId { get; set; }

    /// <inheritdoc />
    public DateTime DpLoadedAt { get; set; }

    /// <inheritdoc />
    public byte[] DpRecordHash { get; set; } = [];

    /// <inheritdoc />
    public string DpSourceTable { get; set; } = string.Empty;

    /// <inheritdoc />
    public BronzeOperation DpOperation { get; set; }
}
