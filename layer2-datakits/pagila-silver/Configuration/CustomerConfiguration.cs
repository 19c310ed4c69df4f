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
    }
}
