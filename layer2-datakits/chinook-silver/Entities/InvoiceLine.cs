namespace DataPlatform.Datakits.Chinook.Silver;

/// <summary>Silver <c>InvoiceLine</c>: an invoice line. Source deletes become soft deletes.</summary>
public sealed class InvoiceLine : SilverRecord
{
    /// <summary>The source key.</summary>
    public int InvoiceLineId { get; set; }

    /// <summary>The invoice (foreign key).</summary>
    public int InvoiceId { get; set; }

    /// <summary>The track (foreign key).</summary>
    public int TrackId { get; set; }

    /// <summary>The price, never negative.</summary>
    public decimal UnitPrice { get; set; }

    /// <summary>The quantity, positive.</summary>
    public int Quantity { get; set; }
}
