using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Datakits.Pagila.Silver.Configuration;

/// <summary><c>payment</c>: the source key and foreign keys.</summary>
internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.HasNaturalKey(e => e.PaymentId);
        builder.Property(e => e.Amount).HasPrecision(5, 2);
        builder.HasOne<Customer>().ByForeignKey(e => e.CustomerId);
        builder.HasOne<Staff>().ByForeignKey(e => e.StaffId);
        builder.HasOne<Rental>().ByForeignKey(e => e.RentalId);

        // Incremental batches update rows in place, mostly in columns no index covers: free space on each page lets
        // PostgreSQL write those updates as HOT updates on the same page, without new index entries.
        builder.HasStorageParameter("fillfactor", 90);
    }
}
