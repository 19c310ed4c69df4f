namespace DataPlatform.Datakits.Chinook.Source.Entities;

/// <summary>A row of <c>public.invoice_line</c>.</summary>
public sealed class InvoiceLine
{
    /// <summary><c>invoice_line_id integer</c>, primary key.</summary>
    public int InvoiceLineId { get; set; }

    /// <summary><c>invoice_id integer NOT NULL</c>, references <c>invoice</c>.</summary>
    public int InvoiceId { get; set; }

    /// <summary><c>track_id integer NOT NULL</c>, references <c>track</c>.</summary>
    public int TrackId { get; set; }

    /// <summary><c>unit_price numeric(10,2) NOT NULL</c>.</summary>
    public decimal UnitPrice { get; set; }

    /// <summary><c>quantity integer NOT NULL</c>.</summary>
    public int Quantity { get; set; }
}
