using DataPlatform.Framework.Calendar;
using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Datakits.Pagila.Gold.Configuration;

/// <summary><c>fact_payment</c>: keys, precisions and foreign keys to the dimensions.</summary>
internal sealed class FactPaymentConfiguration : IEntityTypeConfiguration<FactPayment>
{
    public void Configure(EntityTypeBuilder<FactPayment> builder)
    {
        builder.HasKey(e => e.PaymentId);
        builder.Property(e => e.PaymentId).ValueGeneratedNever();
        builder.Property(e => e.Amount).HasPrecision(5, 2);
        builder.HasOne<DimDate>().ByForeignKey(e => e.PaymentDateKey);
        builder.HasOne<DimCustomer>().ByForeignKey(e => e.CustomerKey);
        builder.HasOne<DimStaff>().ByForeignKey(e => e.StaffKey);
        builder.HasOne<DimStore>().ByForeignKey(e => e.StoreKey);

        // Incremental batches update rows in place, mostly in columns no index covers: free space on each page lets
        // PostgreSQL write those updates as HOT updates on the same page, without new index entries.
        builder.HasStorageParameter("fillfactor", 90);
    }
}
