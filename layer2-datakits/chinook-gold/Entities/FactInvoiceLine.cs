namespace DataPlatform.Datakits.Chinook.Gold;

/// <summary>Gold <c>fact_invoice_line</c>: one row per live invoice line.</summary>
public sealed class FactInvoiceLine
{
    /// <summary>The line's natural key (primary key).</summary>
    public int InvoiceLineId { get; set; }

    /// <summary>The invoice.</summary>
    public int InvoiceId { get; set; }

    /// <summary>When the invoice was issued (UTC).</summary>
    public DateTime InvoiceDate { get; set; }

    /// <summary>The invoice day (<c>dim_date</c>).</summary>
    public int InvoiceDateKey { get; set; }

    /// <summary>The customer version valid at <see cref="InvoiceDate"/>.</summary>
    public long CustomerKey { get; set; }

    /// <summary>The track.</summary>
    public long TrackKey { get; set; }

    /// <summary>The employee key of that customer version's support rep; NULL if none.</summary>
    public long? SupportRepKey { get; set; }

    /// <summary>The billing country.</summary>
    public string? BillingCountry { get; set; }

    /// <summary>The quantity.</summary>
    public int Quantity { get; set; }

    /// <summary>The unit price, numeric(10,2).</summary>
    public decimal UnitPrice { get; set; }

    /// <summary><c>unit_price × quantity</c>, numeric(10,2).</summary>
    public decimal LineAmount { get; set; }
}
