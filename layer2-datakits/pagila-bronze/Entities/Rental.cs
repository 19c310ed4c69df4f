namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>An extracted version of a <c>public.rental</c> row.</summary>
public sealed class Rental : BronzeRecord
{
    /// <summary><c>rental_id</c>, the source key.</summary>
    public int RentalId { get; set; }

    /// <summary><c>rental_date</c>. UTC.</summary>
    public DateTime? RentalDate { get; set; }

    /// <summary><c>inventory_id</c>.</summary>
    public int? InventoryId { get; set; }

    /// <summary><c>customer_id</c>.</summary>
    public int? CustomerId { get; set; }

    /// <summary><c>return_date</c>. UTC.</summary>
    public DateTime? ReturnDate { get; set; }

    /// <summary><c>staff_id</c>.</summary>
    public int? StaffId { get; set; }

    /// <summary><c>last_update</c>. UTC.</summary>
    public DateTime? LastUpdate { get; set; }
}
