namespace DataPlatform.Framework.Loading;

/// <summary>
/// A <see cref="BulkDataLoader"/> call failed; nothing of the call was committed. Names the table, and where known the
/// column, the row (its key values or 1-based position in the input) and the batch.
/// </summary>
public sealed class BulkLoadException : Exception
{
    /// <summary>Creates the exception with a message only.</summary>
    public BulkLoadException()
        : this("The bulk load failed.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public BulkLoadException(string message)
        : base(message)
    {
        Table = string.Empty;
    }

    /// <summary>Creates the exception with a message and the underlying error.</summary>
    public BulkLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Table = string.Empty;
    }

    internal BulkLoadException(string table, string? column, long? rowPosition, string? rowKey, long? batchId, string reason, Exception? innerException)
        : base(Describe(table, column, rowPosition, rowKey, batchId, reason), innerException)
    {
        Table = table;
        Column = column;
        RowPosition = rowPosition;
        RowKey = rowKey;
        BatchId = batchId;
        Reason = reason;
    }

    /// <summary>The target table, schema-qualified.</summary>
    public string Table { get; }

    /// <summary>The column that could not be written, when known.</summary>
    public string? Column { get; }

    /// <summary>1-based position of the failing row in the input, when known.</summary>
    public long? RowPosition { get; }

    /// <summary>The failing row's key as <c>column=value</c> pairs, when known.</summary>
    public string? RowKey { get; }

    /// <summary>The batch of the load (<see cref="BulkLoadOptions.BatchId"/>).</summary>
    public long? BatchId { get; }

    /// <summary>What went wrong, without the location.</summary>
    public string? Reason { get; }

    private static string Describe(string table, string? column, long? rowPosition, string? rowKey, long? batchId, string reason)
    {
        var where = new List<string> { $"table {table}" };
        if (column is not null)
        {
            where.Add($"column {column}");
        }

        if (rowKey is not null)
        {
            where.Add($"row key ({rowKey})");
        }

        if (rowPosition is not null)
        {
            where.Add($"row {rowPosition.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} of the input");
        }

        where.Add(batchId is null ? "no batch" : $"batch {batchId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        return $"Bulk load failed ({string.Join(", ", where)}): {reason} Nothing of this load was committed.";
    }
}
