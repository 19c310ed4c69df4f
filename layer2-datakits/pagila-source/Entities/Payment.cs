namespace DataPlatform.Datakits.Pagila.Source.Entities;

/// <summary>
/// A row of <c>public.payment</c>. In the real dump the table is partitioned by <c>payment_date</c> (primary key
/// (<c>payment_date</c>, <c>payment_id</c>)); this contract treats it as one logical table. It has no <c>last_update</c>.
/// </summary>
public sealed class Payment
{
    /// <summary><c>payment_id integer NOT NULL</c>; unique on its own, the logical key.</summary>
    public int PaymentId { get; set; }

    /// <summary><c>customer_id integer NOT NULL</c>, references <c>customer</c>.</summary>
    public int CustomerId { get; set; }

    /// <summary><c>staff_id integer NOT NULL</c>, references <c>staff</c> (staff ids start at 0).</summary>
    public int StaffId { get; set; }

    /// <summary><c>rental_id integer NOT NULL</c>, references <c>rental</c>.</summary>
    public int RentalId { get; set; }

    /// <summary><c>amount numeric(5,2) NOT NULL</c>.</summary>
    public decimal Amount { get; set; }

    /// <summary><c>payment_date timestamptz NOT NULL</c>, the partition key. UTC.</summary>
    public DateTime PaymentDate { get; set; }
}
