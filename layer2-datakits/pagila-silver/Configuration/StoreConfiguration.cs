using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Datakits.Pagila.Silver.Configuration;

/// <summary><c>store</c>: the source key and foreign keys.</summary>
internal sealed class StoreConfiguration : IEntityTypeConfiguration<Store>
{
    public void Configure(EntityTypeBuilder<Store> builder)
    {
        builder.HasNaturalKey(e => e.StoreId);
        builder.HasOne<Address>().ByForeignKey(e => e.AddressId);
        builder.HasIndex(e => e.ManagerStaffId);
    }
}
