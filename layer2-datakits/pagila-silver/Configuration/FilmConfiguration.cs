using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Datakits.Pagila.Silver.Configuration;

/// <summary><c>film</c>: the source key and foreign keys.</summary>
internal sealed class FilmConfiguration : IEntityTypeConfiguration<Film>
{
    public void Configure(EntityTypeBuilder<Film> builder)
    {
        builder.HasNaturalKey(e => e.FilmId);
        builder.Property(e => e.RentalRate).HasPrecision(4, 2);
        builder.Property(e => e.ReplacementCost).HasPrecision(5, 2);
        builder.HasOne<Language>().ByForeignKey(e => e.LanguageId);
        builder.HasOne<Language>().ByForeignKey(e => e.OriginalLanguageId);
    }
}
