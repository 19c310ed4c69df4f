using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataPlatform.Datakits.Pagila.Bronze.Extraction;

/// <summary>
/// A table's incremental cursor, stored in the ledger as JSON: <c>{"last_update":"2022-02-15T09:34:33.000000Z"}</c>, or
/// for <c>payment</c> <c>{"payment_id":16049,"payment_date":"2022-07-27T10:39:20.739759Z"}</c>. It tracks the maximum
/// values of the rows read; the read predicate and the dedup window subtract the safety lag from the timestamp.
/// </summary>
internal sealed class ExtractionCursor
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = false };

    private readonly BronzeTablePlan _plan;
    private DateTime? _timestamp;
    private int? _paymentId;

    private ExtractionCursor(BronzeTablePlan plan, DateTime? timestamp, int? paymentId)
    {
        _plan = plan;
        _timestamp = timestamp;
        _paymentId = paymentId;
    }

    /// <summary>Whether the cursor has seen any row; an empty cursor reads the whole table.</summary>
    public bool IsEmpty => _timestamp is null && _paymentId is null;

    public static ExtractionCursor Empty(BronzeTablePlan plan) => new(plan, null, null);

    public static ExtractionCursor Parse(BronzeTablePlan plan, string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return Empty(plan);
        }

        var node = JsonNode.Parse(json)?.AsObject() ?? throw new FormatException($"Cursor of {plan.Table} is not a JSON object: {json}");
        var timestampText = (string?)node[plan.WindowColumn];
        DateTime? timestamp = timestampText is null
            ? null
            : DateTime.ParseExact(timestampText, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var paymentId = plan.Cursor == CursorKind.Payment ? (int?)node["payment_id"] : null;
        return new ExtractionCursor(plan, timestamp, paymentId);
    }

    /// <summary>Where the safety-lag window starts (null when the cursor is empty).</summary>
    public DateTime? WindowStart(TimeSpan lag) => _timestamp is { } t ? t - lag : null;

    /// <summary>The WHERE clause of an incremental source read (null: read everything). Only formatted numbers and timestamps go in.</summary>
    public string? Predicate(TimeSpan lag)
    {
        if (IsEmpty)
        {
            return null;
        }

        var window = WindowStart(lag) is { } start
            ? $"\"{_plan.WindowColumn}\" > {Literal(start)}"
            : "false";
        return _plan.Cursor == CursorKind.LastUpdate
            ? $"{window} OR \"last_update\" IS NULL"
            : $"\"payment_id\" > {(_paymentId ?? int.MinValue).ToString(CultureInfo.InvariantCulture)} OR {window}";
    }

    /// <summary>Moves the cursor to the maximum of itself and the tuple's cursor values.</summary>
    public void Observe(ReadOnlySpan<byte> tuple, int[] fieldOffsets)
    {
        if (CopyFields.Timestamp(tuple, fieldOffsets[_plan.CursorIndexes[^1]]) is { } timestamp && (_timestamp is null || timestamp > _timestamp))
        {
            _timestamp = timestamp;
        }

        if (_plan.Cursor == CursorKind.Payment && CopyFields.Int32(tuple, fieldOffsets[_plan.CursorIndexes[0]]) is { } id && (_paymentId is null || id > _paymentId))
        {
            _paymentId = id;
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
        if (_plan.Cursor == CursorKind.Payment)
        {
            node["payment_id"] = _paymentId;
        }

        node[_plan.WindowColumn] = _timestamp?.ToUniversalTime().ToString(TimestampFormat, CultureInfo.InvariantCulture);
        return node.ToJsonString(s_json);
    }

    /// <summary>A timestamptz literal; DateTime formatting cannot produce quotes.</summary>
    public static string Literal(DateTime value) =>
        $"'{DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString(TimestampFormat, CultureInfo.InvariantCulture)}'::timestamptz";
}
