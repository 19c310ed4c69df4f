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
        builder.HasOne<Customer>().WithMany().HasForeignKey(e => e.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Staff>().WithMany().HasForeignKey(e => e.StaffId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Rental>().WithMany().HasForeignKey(e => e.RentalId).OnDelete(DeleteBehavior.Restrict);
    }
}
