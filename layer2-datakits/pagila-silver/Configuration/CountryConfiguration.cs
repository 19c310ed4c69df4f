using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Datakits.Pagila.Silver.Configuration;

/// <summary><c>country</c>: the source key.</summary>
internal sealed class CountryConfiguration : IEntityTypeConfiguration<Country>
{
    public void Configure(EntityTypeBuilder<Country> builder)
    {
        builder.HasNaturalKey(e => e.CountryId);
    }
}
