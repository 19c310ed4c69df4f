using DataPlatform.Framework.Calendar;
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
        builder.HasOne<DimDate>().WithMany().HasForeignKey(e => e.PaymentDateKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DimCustomer>().WithMany().HasForeignKey(e => e.CustomerKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DimStaff>().WithMany().HasForeignKey(e => e.StaffKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DimStore>().WithMany().HasForeignKey(e => e.StoreKey).OnDelete(DeleteBehavior.Restrict);
    }
}
