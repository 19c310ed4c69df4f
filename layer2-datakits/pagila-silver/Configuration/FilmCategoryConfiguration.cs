using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Datakits.Pagila.Silver.Configuration;

/// <summary><c>film_category</c>: the source key and foreign keys.</summary>
internal sealed class FilmCategoryConfiguration : IEntityTypeConfiguration<FilmCategory>
{
    public void Configure(EntityTypeBuilder<FilmCategory> builder)
    {
        builder.HasNaturalKey(e => new { e.FilmId, e.CategoryId });
        builder.HasOne<Film>().ByForeignKey(e => e.FilmId);
        builder.HasOne<Category>().ByForeignKey(e => e.CategoryId);
    }
}
