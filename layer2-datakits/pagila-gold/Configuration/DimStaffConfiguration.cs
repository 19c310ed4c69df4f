using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Datakits.Pagila.Gold.Configuration;

/// <summary><c>dim_staff</c>: keys, precisions.</summary>
internal sealed class DimStaffConfiguration : IEntityTypeConfiguration<DimStaff>
{
    public void Configure(EntityTypeBuilder<DimStaff> builder)
    {
        builder.HasKey(e => e.StaffKey);
        builder.Property(e => e.StaffKey).UseIdentityAlwaysColumn();
        builder.HasAlternateKey(e => e.StaffId);
    }
}
