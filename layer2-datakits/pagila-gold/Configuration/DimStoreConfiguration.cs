using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Datakits.Pagila.Gold.Configuration;

/// <summary><c>dim_store</c>: keys, precisions.</summary>
internal sealed class DimStoreConfiguration : IEntityTypeConfiguration<DimStore>
{
    public void Configure(EntityTypeBuilder<DimStore> builder)
    {
        builder.HasKey(e => e.StoreKey);
        builder.Property(e => e.StoreKey).UseIdentityAlwaysColumn();
        builder.HasAlternateKey(e => e.StoreId);
    }
}
