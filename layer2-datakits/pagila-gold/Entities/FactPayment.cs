namespace DataPlatform.Datakits.Pagila.Gold;

/// <summary>Gold <c>fact_payment</c>: one row per payment.</summary>
public sealed class FactPayment
{
    /// <summary>The payment's natural key (primary key).</summary>
    public int PaymentId { get; set; }

    /// <summary>When the payment was made (UTC).</summary>
    public DateTime PaymentDate { get; set; }

    /// <summary>The payment day (<see cref="Framework.Calendar.DimDate"/>).</summary>
    public int PaymentDateKey { get; set; }

    /// <summary>The customer version valid at <see cref="PaymentDate"/>.</summary>
    public long CustomerKey { get; set; }

    /// <summary>The staff member who took the payment.</summary>
    public long StaffKey { get; set; }

    /// <summary>The rental paid for.</summary>
    public int RentalId { get; set; }

    /// <summary>The store of the rental's inventory item.</summary>
    public long StoreKey { get; set; }

    /// <summary>The amount.</summary>
    public decimal Amount { get; set; }
}
