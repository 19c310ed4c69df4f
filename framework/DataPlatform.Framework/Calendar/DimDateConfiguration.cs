using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Framework.Calendar;

/// <summary>
/// <c>dim_date</c> in a gold model: the <c>date_key</c> primary key, never generated. Apply it in the gold context's
/// <c>ConfigureLayer</c>: <c>modelBuilder.ApplyConfiguration(new DimDateConfiguration())</c>.
/// </summary>
public sealed class DimDateConfiguration : IEntityTypeConfiguration<DimDate>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<DimDate> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(e => e.DateKey);
        builder.Property(e => e.DateKey).ValueGeneratedNever();
    }
}
