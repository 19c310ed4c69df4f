namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>An extracted version of a <c>public.payment</c> row; source key <c>payment_id</c>.</summary>
public sealed class Payment : BronzeRecord
{
    /// <summary><c>payment_id</c>, the source key.</summary>
    public int PaymentId { get; set; }

    /// <summary><c>customer_id</c>.</summary>
    public int? CustomerId { get; set; }

    /// <summary><c>staff_id</c>.</summary>
    public int? StaffId { get; set; }

    /// <summary><c>rental_id</c>.</summary>
    public int? RentalId { get; set; }

    /// <summary><c>amount numeric(5,2)</c>.</summary>
    public decimal? Amount { get; set; }

    /// <summary><c>payment_date</c>. UTC.</summary>
    public DateTime? PaymentDate { get; set; }
}
