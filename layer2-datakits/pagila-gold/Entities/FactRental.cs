namespace DataPlatform.Datakits.Pagila.Gold;

/// <summary>Gold <c>fact_rental</c>: one row per rental.</summary>
public sealed class FactRental
{
    /// <summary>The rental's natural key (primary key).</summary>
    public int RentalId { get; set; }

    /// <summary>When the item was rented (UTC).</summary>
    public DateTime RentalDate { get; set; }

    /// <summary>The rental day (<see cref="Framework.Calendar.DimDate"/>).</summary>
    public int RentalDateKey { get; set; }

    /// <summary>When the item was returned (UTC); NULL while out.</summary>
    public DateTime? ReturnDate { get; set; }

    /// <summary>The return day (<see cref="Framework.Calendar.DimDate"/>); NULL while out.</summary>
    public int? ReturnDateKey { get; set; }

    /// <summary>The customer version valid at <see cref="RentalDate"/>.</summary>
    public long CustomerKey { get; set; }

    /// <summary>The rented film (via the inventory item).</summary>
    public long FilmKey { get; set; }

    /// <summary>The store of the rented inventory item.</summary>
    public long StoreKey { get; set; }

    /// <summary>The staff member who handled the rental.</summary>
    public long StaffKey { get; set; }

    /// <summary>The rented inventory item.</summary>
    public int InventoryId { get; set; }

    /// <summary>Return − rental in days (2 decimals); NULL if not returned.</summary>
    public decimal? RentalDays { get; set; }

    /// <summary>Whether the item was returned.</summary>
    public bool IsReturned { get; set; }

    /// <summary>Whether the item was returned later than the rental date plus the film's rental duration in days.</summary>
    public bool IsOverdue { get; set; }

    /// <summary>The sum of the rental's payments; 0 if none.</summary>
    public decimal AmountPaid { get; set; }

    /// <summary>How many payments the rental has.</summary>
    public int PaymentCount { get; set; }
}
