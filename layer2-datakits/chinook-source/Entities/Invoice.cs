namespace DataPlatform.Datakits.Chinook.Source.Entities;

/// <summary>A row of <c>public.invoice</c>.</summary>
public sealed class Invoice
{
    /// <summary><c>invoice_id integer</c>, primary key.</summary>
    public int InvoiceId { get; set; }

    /// <summary><c>customer_id integer NOT NULL</c>, references <c>customer</c>.</summary>
    public int CustomerId { get; set; }

    /// <summary><c>invoice_date timestamp NOT NULL</c> (no time zone; read as UTC).</summary>
    public DateTime InvoiceDate { get; set; }

    /// <summary><c>billing_address varchar(70)</c>.</summary>
    public string? BillingAddress { get; set; }

    /// <summary><c>billing_city varchar(40)</c>.</summary>
    public string? BillingCity { get; set; }

    /// <summary><c>billing_state varchar(40)</c>.</summary>
    public string? BillingState { get; set; }

    /// <summary><c>billing_country varchar(40)</c>.</summary>
    public string? BillingCountry { get; set; }

    /// <summary><c>billing_postal_code varchar(10)</c>.</summary>
    public string? BillingPostalCode { get; set; }

    /// <summary><c>total numeric(10,2) NOT NULL</c>, the sum of the invoice's lines.</summary>
    public decimal Total { get; set; }
}
