using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Datakits.Pagila.Silver.Configuration;

/// <summary><c>staff</c>: the source key and foreign keys.</summary>
internal sealed class StaffConfiguration : IEntityTypeConfiguration<Staff>
{
    public void Configure(EntityTypeBuilder<Staff> builder)
    {
        builder.HasNaturalKey(e => e.StaffId);
        builder.HasOne<Address>().ByForeignKey(e => e.AddressId);
        builder.HasOne<Store>().ByForeignKey(e => e.StoreId);
    }
}
