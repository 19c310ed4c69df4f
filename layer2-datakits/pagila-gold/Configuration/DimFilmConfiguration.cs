using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Datakits.Pagila.Gold.Configuration;

/// <summary><c>dim_film</c>: keys, precisions.</summary>
internal sealed class DimFilmConfiguration : IEntityTypeConfiguration<DimFilm>
{
    public void Configure(EntityTypeBuilder<DimFilm> builder)
    {
        builder.HasKey(e => e.FilmKey);
        builder.Property(e => e.FilmKey).UseIdentityAlwaysColumn();
        builder.HasAlternateKey(e => e.FilmId);
        builder.Property(e => e.RentalRate).HasPrecision(4, 2);
        builder.Property(e => e.ReplacementCost).HasPrecision(5, 2);
    }
}
