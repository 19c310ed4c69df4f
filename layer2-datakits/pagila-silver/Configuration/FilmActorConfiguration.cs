using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Datakits.Pagila.Silver.Configuration;

/// <summary><c>film_actor</c>: the source key and foreign keys.</summary>
internal sealed class FilmActorConfiguration : IEntityTypeConfiguration<FilmActor>
{
    public void Configure(EntityTypeBuilder<FilmActor> builder)
    {
        builder.HasNaturalKey(e => new { e.ActorId, e.FilmId });
        builder.HasOne<Actor>().ByForeignKey(e => e.ActorId);
        builder.HasOne<Film>().ByForeignKey(e => e.FilmId);
    }
}
