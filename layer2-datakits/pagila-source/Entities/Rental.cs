namespace DataPlatform.Datakits.Pagila.Source.Entities;

/// <summary>A row of <c>public.rental</c>.</summary>
public sealed class Rental
{
    /// <summary><c>rental_id integer</c>, primary key.</summary>
    public int RentalId { get; set; }

    /// <summary><c>rental_date timestamptz NOT NULL</c>. UTC.</summary>
    public DateTime RentalDate { get; set; }

    /// <summary><c>inventory_id integer NOT NULL</c>, references <c>inventory</c>.</summary>
    public int InventoryId { get; set; }

    /// <summary><c>customer_id integer NOT NULL</c>, references <c>customer</c>.</summary>
    public int CustomerId { get; set; }

    /// <summary><c>return_date timestamptz</c>; NULL while the copy is out. UTC.</summary>
    public DateTime? ReturnDate { get; set; }

    /// <summary><c>staff_id integer NOT NULL</c>, references <c>staff</c> (staff ids start at 0).</summary>
    public int StaffId { get; set; }

    /// <summary><c>last_update timestamptz NOT NULL</c>. UTC.</summary>
    public DateTime LastUpdate { get; set; }
}
