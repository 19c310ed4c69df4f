namespace DataPlatform.Datakits.Chinook.Silver;

/// <summary>Silver <c>Invoice</c>: an invoice. Source deletes become soft deletes.</summary>
public sealed class Invoice : SilverRecord
{
    /// <summary>The source key.</summary>
    public int InvoiceId { get; set; }

    /// <summary>The customer (foreign key).</summary>
    public int CustomerId { get; set; }

    /// <summary>When it was issued (the source's wall-clock time, as UTC).</summary>
    public DateTime InvoiceDate { get; set; }

    /// <summary>The billing address.</summary>
    public string? BillingAddress { get; set; }

    /// <summary>The billing city.</summary>
    public string? BillingCity { get; set; }

    /// <summary>The billing state.</summary>
    public string? BillingState { get; set; }

    /// <summary>The billing country.</summary>
    public string? BillingCountry { get; set; }

    /// <summary>The billing postal code.</summary>
    public string? BillingPostalCode { get; set; }

    /// <summary>The total, never negative.</summary>
    public decimal Total { get; set; }
}
