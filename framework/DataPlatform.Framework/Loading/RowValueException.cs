namespace DataPlatform.Framework.Loading;

/// <summary>A value of one row cannot be written; the loader turns it into a <see cref="BulkLoadException"/> with row and batch.</summary>
internal sealed class RowValueException : Exception
{
    public RowValueException()
    {
    }

    public RowValueException(string message)
        : base(message)
    {
    }

    public RowValueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RowValueException(string column, string message)
        : base(message)
    {
        Column = column;
    }

    public string? Column { get; }
}
