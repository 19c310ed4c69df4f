using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>
/// The bronze metadata every Pagila bronze row carries: the <see cref="IBronzeRecord"/> mixin (batch, load time, record
/// hash, source table, operation). A row is identified by its source key and <see cref="DpBatchId"/>: a batch extracts a
/// source row at most once, and the versions of a row are ordered by batch id.
/// </summary>
public abstract class BronzeRecord : IBronzeRecord
{
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
