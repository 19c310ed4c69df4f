namespace Acme.Datakits.Gold.Entities;

/// <summary>Gold <c>dim_customer</c> (type 1): one row per customer, overwritten when silver changes.</summary>
public sealed class DimCustomer
{
    /// <summary>Surrogate key.</summary>
    public long CustomerKey { get; set; }

    /// <summary>The natural key.</summary>
    public int CustomerId { get; set; }

    /// <summary>The name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The e-mail; NULL when the source's was malformed.</summary>
    public string? Email { get; set; }

    /// <summary>The country.</summary>
    public string? Country { get; set; }
}
