using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Datakits.Pagila.Gold.Configuration;

/// <summary><c>dim_date</c>: keys, precisions.</summary>
internal sealed class DimDateConfiguration : IEntityTypeConfiguration<DimDate>
{
    public void Configure(EntityTypeBuilder<DimDate> builder)
    {
        builder.HasKey(e => e.DateKey);
        builder.Property(e => e.DateKey).ValueGeneratedNever();
    }
}
