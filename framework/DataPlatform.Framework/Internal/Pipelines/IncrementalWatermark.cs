using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>
/// What an upsert step records in its ledger row (<c>watermark_after</c>) so the next run can recompute only what changed:
/// the oldest transaction the run could not see (<c>pg_snapshot_xmin</c>) and its own transaction, the target's file node after the write, a hash of the generated SQL,
/// and the row count of every table it read.
/// </summary>
internal sealed record IncrementalWatermark(
    [property: JsonPropertyName("xid")] long Xid,
    [property: JsonPropertyName("own_xid")] long OwnXid,
    [property: JsonPropertyName("file_node")] long FileNode,
    [property: JsonPropertyName("definition")] string Definition,
    [property: JsonPropertyName("rows")] IReadOnlyDictionary<string, long> Rows)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>The watermark in <paramref name="text"/>, or null for text another kind of step wrote.</summary>
    public static IncrementalWatermark? Parse(string text)
    {
        try
        {
            var watermark = JsonSerializer.Deserialize<IncrementalWatermark>(text);
            return watermark is { Definition: not null, Rows: not null } ? watermark : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
