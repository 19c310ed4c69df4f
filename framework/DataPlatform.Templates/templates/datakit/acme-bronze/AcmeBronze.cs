using Acme.Datakits.Bronze.Entities;
using DataPlatform.Framework.Extraction;

namespace Acme.Datakits.Bronze;

/// <summary>The acme bronze layer as the framework's extraction engine runs it.</summary>
public static class AcmeBronze
{
    /// <summary>
    /// The safety lag of the <c>updated_at</c> cursors: a row committed up to this long after its <c>updated_at</c> is still read.
    /// </summary>
    public static readonly TimeSpan Lag = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The tables, referenced tables first. To add a table: an entity in <c>Entities/</c> (one <c>[BronzeOf]</c> line) and a
    /// <c>.Table&lt;T&gt;(policy)</c> here: <see cref="ExtractionPolicy.Cursor"/> on an update timestamp,
    /// <see cref="ExtractionPolicy.HighWater"/> on an increasing id, or <see cref="ExtractionPolicy.Snapshot"/> (record-hash
    /// comparison) when the table has neither. Deletes are detected on every run.
    /// </summary>
    public static BronzeLayer<AcmeBronzeContext> Layer { get; } = new BronzeLayer<AcmeBronzeContext>()
        .Table<Customer>(ExtractionPolicy.Cursor("updated_at", Lag));
}
