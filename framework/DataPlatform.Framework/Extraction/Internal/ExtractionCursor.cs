using System.Globalization;
using System.Text.Json.Nodes;
using DataPlatform.Framework.Naming;

namespace DataPlatform.Framework.Extraction.Internal;

/// <summary>
/// A table's incremental cursor, stored in the ledger as JSON keyed by the policy's column:
/// <c>{"last_update":"2022-02-15T09:34:33.000000Z"}</c> (<see cref="ExtractionPolicyKind.Cursor"/>) or
/// <c>{"payment_id":16049}</c> (<see cref="ExtractionPolicyKind.HighWater"/>). It tracks the maximum value read; the read
/// predicate subtracts the lag or late window. Snapshots have no cursor.
/// </summary>
internal sealed class ExtractionCursor
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    private readonly BronzeTablePlan _plan;
    private DateTime? _timestamp;
    private long? _id;
    private DateTime? _limit;

    private ExtractionCursor(BronzeTablePlan plan, DateTime? timestamp, long? id)
    {
        _plan = plan;
        _timestamp = timestamp;
        _id = id;
    }

    private ExtractionPolicy Policy => _plan.Policy;

    /// <summary>Rows read whose timestamp is after the limit (future-dated, or written by a transaction still open).</summary>
    public long RowsAfterLimit { get; private set; }

    /// <summary>
    /// The latest value a timestamp cursor may take in this run (<see cref="BronzeSql.CursorLimit"/>): rows stamped later
    /// are extracted, counted in <see cref="RowsAfterLimit"/>, and read again by the next run instead of moving the cursor.
    /// </summary>
    public void LimitTo(DateTime limit) => _limit = limit;

    /// <summary>Whether the cursor has a value; an empty cursor reads the whole table.</summary>
    public bool IsEmpty => _timestamp is null && _id is null;

    public static ExtractionCursor Parse(BronzeTablePlan plan, string? json)
    {
        if (string.IsNullOrEmpty(json) || plan.Policy.Column is not { } column)
        {
            return new ExtractionCursor(plan, null, null);
        }

        var node = JsonNode.Parse(json)?.AsObject() ?? throw new FormatException($"Cursor of {plan.BronzeTableName} is not a JSON object: {json}");
        if (plan.Policy.Kind == ExtractionPolicyKind.HighWater)
        {
            return new ExtractionCursor(plan, null, (long?)node[column]);
        }

        var text = (string?)node[column];
        DateTime? timestamp = text is null
            ? null
            : DateTime.ParseExact(text, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return new ExtractionCursor(plan, timestamp, null);
    }

    /// <summary>
    /// The WHERE condition of an incremental read, over the source columns' names (null: read everything). Only formatted
    /// numbers and timestamps go in. The same condition selects the bronze versions a re-read row can equal.
    /// </summary>
    public string? Predicate()
    {
        if (IsEmpty)
        {
            return null;
        }

        var column = SqlIdentifier.Quote(Policy.Column!);
        if (Policy.Kind == ExtractionPolicyKind.HighWater)
        {
            var from = _id!.Value - Policy.LateWindow;
            return $"{column} > {from.ToString(CultureInfo.InvariantCulture)}";
        }

        // An untyped literal takes the column's type: timestamptz honours the Z, timestamp (no zone) ignores it.
        var start = DateTime.SpecifyKind(_timestamp!.Value - Policy.Lag, DateTimeKind.Utc).ToString(TimestampFormat, CultureInfo.InvariantCulture);
        return $"({column} > '{start}' OR {column} IS NULL)";
    }

    /// <summary>Moves the cursor to the maximum of itself and the tuple's cursor value.</summary>
    public void Observe(ReadOnlySpan<byte> tuple, int[] fieldOffsets)
    {
        if (_plan.CursorIndex < 0)
        {
            return;
        }

        var offset = fieldOffsets[_plan.CursorIndex];
        if (Policy.Kind == ExtractionPolicyKind.HighWater)
        {
            if (CopyFields.Integer(tuple, offset) is { } id && (_id is null || id > _id))
            {
                _id = id;
            }
        }
        else if (CopyFields.Timestamp(tuple, offset) is { } timestamp)
        {
            if (_limit is { } limit && timestamp > limit)
            {
                RowsAfterLimit++;
                timestamp = limit;
            }

            if (_timestamp is null || timestamp > _timestamp)
            {
                _timestamp = timestamp;
            }
        }
    }

    /// <summary>The JSON form (null when empty).</summary>
    public string? Format()
    {
        if (IsEmpty)
        {
            return null;
        }

        var node = new JsonObject();
        if (_id is { } id)
        {
            node[Policy.Column!] = id;
        }
        else
        {
            node[Policy.Column!] = _timestamp!.Value.ToString(TimestampFormat, CultureInfo.InvariantCulture);
        }

        return node.ToJsonString();
    }
}
