using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Datakits.Pagila.Silver.Configuration;

/// <summary><c>customer</c>: the source key and foreign keys.</summary>
internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.HasNaturalKey(e => e.CustomerId);
        builder.HasOne<Store>().ByForeignKey(e => e.StoreId);
        builder.HasOne<Address>().ByForeignKey(e => e.AddressId);

        // Incremental batches update rows in place, mostly in columns no index covers: free space on each page lets
        // PostgreSQL write those updates as HOT updates on the same page, without new index entries.
        builder.HasStorageParameter("fillfactor", 90);
    }
}
