using DataPlatform.Datakits.Pagila.Bronze;
using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;

[assembly: Datakit("pagila", DatakitLayer.Bronze, typeof(PagilaBronzeContext), SourceSchema = "public")]

namespace DataPlatform.Datakits.Pagila.Bronze;

/// <summary>
/// The Pagila bronze layer (<c>br__pagila__public</c>): the 15 source tables, append-only, one row per extracted source
/// row per batch, typed like the source with lenient nullability (only the source key is required), no foreign keys and
/// no index but the framework's BRIN on <c>dp_batch_id</c> (a few pages, for silver's "batches not applied yet"), so an
/// append costs the server little more than a plain <c>COPY</c> into a heap. The entities are
/// keyless for EF Core (bronze is read, never tracked); a row is identified by (source key, <c>dp_batch_id</c>), which the
/// extractor keeps unique. Every reader scans and hashes: silver's "latest version per key" is a hash anti-join and its
/// orphan checks are hashed <c>IN (SELECT …)</c> probes, so no reader needs an index (a B-tree on (source key,
/// <c>dp_batch_id</c>) doubled the server's cost of an append). Filled by the framework's extraction engine as declared in
/// <see cref="PagilaBronze.Layer"/>. The entities are <c>[BronzeOf]</c> mirrors of the source contract and
/// <see cref="BronzeContext"/> maps them from <c>PagilaSourceContext</c>'s model, so this context declares nothing but its type: every <c>[BronzeOf]</c> entity of this assembly is mapped.
/// </summary>
public sealed class PagilaBronzeContext(DbContextOptions options) : BronzeContext(options)
{
    /// <summary>Creates a context for a Npgsql connection string of the warehouse.</summary>
    public static PagilaBronzeContext Create(string connectionString) =>
        new(new DbContextOptionsBuilder<PagilaBronzeContext>()
            .UseNpgsql(connectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .Options);
}
