using DataPlatform.Framework.Transforms;

namespace DataPlatform.Framework.Tests.Transforms;

/// <summary>A film with its language looked up (<c>LookUp</c>) and the number of films of that language (a grouped <c>LeftJoin</c>).</summary>
public sealed class FilmLanguageInput
{
    public int FilmId { get; init; }

    public string? Title { get; init; }

    public int? LanguageId { get; init; }

    public string? Language { get; init; }

    public int FilmsInLanguage { get; init; }
}

/// <summary>The films of one language, counted: the grouped side of <see cref="LanguageLookUpTransform"/>.</summary>
public sealed class LanguageFilms
{
    public int LanguageId { get; init; }

    public int Films { get; init; }
}

/// <summary>
/// Dimension lookups the set-based way: the language by its key (<c>LookUp</c>, a LEFT JOIN), the films per language (a
/// grouped LEFT JOIN); a film whose language is missing is quarantined.
/// </summary>
public sealed class LanguageLookUpTransform : Transform<FilmLanguageInput, CleanFilm>
{
    public override TransformDefinition<FilmLanguageInput, CleanFilm> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var films = sources.Set<RawFilm>().LatestPerKey(f => f.FilmId, f => f.BatchId);
        var perLanguage = films.Where(f => f.LanguageId != null)
            .GroupBy(f => f.LanguageId)
            .Select(g => new LanguageFilms { LanguageId = g.Key!.Value, Films = g.Count() });
        var rows = (
                from f in films
                from l in sources.Set<RawLanguage>().LookUp(l => l.LanguageId == f.LanguageId)
                select new FilmLanguageInput { FilmId = f.FilmId, Title = f.Title, LanguageId = f.LanguageId, Language = l!.Name })
            .LeftJoin(
                perLanguage,
                x => x.LanguageId,
                p => (int?)p.LanguageId,
                (x, p) => new FilmLanguageInput
                {
                    FilmId = x.FilmId, Title = x.Title, LanguageId = x.LanguageId, Language = x.Language, FilmsInLanguage = (int?)p!.Films ?? 0,
                });

        return From(rows)
            .Rule("unknown_language", x => x.Language != null, "The film's language is not in the language table.")
            .KeyedBy(x => x.FilmId)
            .Select(x => new CleanFilm
            {
                FilmId = x.FilmId,
                Title = x.Language!,
                TitleKey = x.Language!,
                TitleUpper = x.Language!,
                TitleLength = x.FilmsInLanguage,
                LanguageId = x.LanguageId!.Value,
                IsActive = true,
                BatchId = context.BatchId,
            });
    }
}
