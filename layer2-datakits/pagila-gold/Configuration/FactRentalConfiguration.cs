using DataPlatform.Framework.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Datakits.Pagila.Gold.Configuration;

/// <summary><c>fact_rental</c>: keys, precisions and foreign keys to the dimensions.</summary>
internal sealed class FactRentalConfiguration : IEntityTypeConfiguration<FactRental>
{
    public void Configure(EntityTypeBuilder<FactRental> builder)
    {
        builder.HasKey(e => e.RentalId);
        builder.Property(e => e.RentalId).ValueGeneratedNever();
        builder.Property(e => e.RentalDays).HasPrecision(8, 2);
        builder.Property(e => e.AmountPaid).HasPrecision(8, 2);
        builder.HasOne<DimDate>().WithMany().HasForeignKey(e => e.RentalDateKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DimDate>().WithMany().HasForeignKey(e => e.ReturnDateKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DimCustomer>().WithMany().HasForeignKey(e => e.CustomerKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DimFilm>().WithMany().HasForeignKey(e => e.FilmKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DimStore>().WithMany().HasForeignKey(e => e.StoreKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DimStaff>().WithMany().HasForeignKey(e => e.StaffKey).OnDelete(DeleteBehavior.Restrict);
    }
}
