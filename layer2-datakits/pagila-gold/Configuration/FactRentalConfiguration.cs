using DataPlatform.Framework.Calendar;
using DataPlatform.Framework.Datakits;
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
        builder.HasOne<DimDate>().ByForeignKey(e => e.RentalDateKey);
        builder.HasOne<DimDate>().ByForeignKey(e => e.ReturnDateKey);
        builder.HasOne<DimCustomer>().ByForeignKey(e => e.CustomerKey);
        builder.HasOne<DimFilm>().ByForeignKey(e => e.FilmKey);
        builder.HasOne<DimStore>().ByForeignKey(e => e.StoreKey);
        builder.HasOne<DimStaff>().ByForeignKey(e => e.StaffKey);

        // Incremental batches update rows in place, mostly in columns no index covers: free space on each page lets
        // PostgreSQL write those updates as HOT updates on the same page, without new index entries.
        builder.HasStorageParameter("fillfactor", 90);
    }
}
