using DataPlatform.Datakits.Pagila.Silver;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Datakits.Pagila.Gold.Transforms;

/// <summary>
/// Silver → gold <c>dim_film</c> (type 1, upsert on <c>film_id</c>): language names, the sorted category names and the
/// number of actors (live link rows). Every silver film is mirrored, soft-deleted ones with their last known attributes.
/// </summary>
internal sealed class DimFilmTransform : Transform<FilmInput, DimFilm>
{
    public override string Name => "gold_dim_film";

    public override TransformDefinition<FilmInput, DimFilm> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var languages = sources.Set<Language>();
        var filmActors = sources.Set<FilmActor>();
        var categoryNames = sources.Set<FilmCategoryNames>();
        var rows =
            from f in sources.Set<Film>()
            join l in languages on f.LanguageId equals l.LanguageId
            select new FilmInput { Film = f, Language = l.Name };

        return From(rows).Select(x => new DimFilm
        {
            FilmId = x.Film.FilmId,
            Title = x.Film.Title,
            Description = x.Film.Description,
            ReleaseYear = x.Film.ReleaseYear,
            Language = x.Language,
            OriginalLanguage = languages.Where(l => l.LanguageId == x.Film.OriginalLanguageId).Select(l => l.Name).FirstOrDefault(),
            Rating = x.Film.Rating,
            LengthMinutes = x.Film.Length,
            RentalDurationDays = x.Film.RentalDuration,
            RentalRate = x.Film.RentalRate,
            ReplacementCost = x.Film.ReplacementCost,
            SpecialFeatures = x.Film.SpecialFeatures,
            Categories = categoryNames.Where(n => n.FilmId == x.Film.FilmId).Select(n => n.Names).FirstOrDefault() ?? Array.Empty<string>(),
            ActorCount = filmActors.Count(fa => fa.FilmId == x.Film.FilmId && fa.InactivatedDate == null),
        });
    }
}
