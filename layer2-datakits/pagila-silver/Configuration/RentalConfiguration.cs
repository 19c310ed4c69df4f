using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Datakits.Pagila.Silver.Configuration;

/// <summary><c>rental</c>: the source key and foreign keys.</summary>
internal sealed class RentalConfiguration : IEntityTypeConfiguration<Rental>
{
    public void Configure(EntityTypeBuilder<Rental> builder)
    {
        builder.HasNaturalKey(e => e.RentalId);
        builder.HasOne<Inventory>().ByForeignKey(e => e.InventoryId);
        builder.HasOne<Customer>().ByForeignKey(e => e.CustomerId);
        builder.HasOne<Staff>().ByForeignKey(e => e.StaffId);

        // Incremental batches update rows in place, mostly in columns no index covers: free space on each page lets
        // PostgreSQL write those updates as HOT updates on the same page, without new index entries.
        builder.HasStorageParameter("fillfactor", 90);
    }
}
