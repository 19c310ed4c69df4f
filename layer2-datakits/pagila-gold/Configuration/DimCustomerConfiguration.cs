using DataPlatform.Framework.Transforms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Datakits.Pagila.Gold.Configuration;

/// <summary><c>dim_customer</c>: keys, precisions.</summary>
internal sealed class DimCustomerConfiguration : IEntityTypeConfiguration<DimCustomer>
{
    public void Configure(EntityTypeBuilder<DimCustomer> builder)
    {
        builder.HasKey(e => e.CustomerKey);
        builder.Property(e => e.CustomerKey).UseIdentityAlwaysColumn();
        builder.HasScd2NaturalKey(e => e.CustomerId);
        builder.HasIndex(e => new { e.CustomerId, e.ValidFrom }).IsUnique();
    }
}
