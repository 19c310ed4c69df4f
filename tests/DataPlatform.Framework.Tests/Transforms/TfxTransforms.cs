using System.Text.RegularExpressions;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Framework.Tests.Transforms;

/// <summary>The silver cleaning transform under test: trim, blank → NULL, lower-cased checked e-mail, rules with quarantine.</summary>
public sealed class CleanFilmTransform : Transform<RawFilm, CleanFilm>
{
    public override TransformDefinition<RawFilm, CleanFilm> Define(ITransformSources sources, TransformContext context) =>
        From(sources.Set<RawFilm>().LatestPerKey(f => f.FilmId, f => f.BatchId))
            .Rule("blank_title", f => !string.IsNullOrWhiteSpace(f.Title), "title is blank")
            .Rule("orphan_language", f => sources.Set<RawLanguage>().Any(l => l.LanguageId == f.LanguageId), "language does not exist")
            .Rule("negative_length", f => !(f.LengthMinutes < 0), "length is negative")
            .KeyedBy(f => f.FilmId)
            .Select(f => new CleanFilm
            {
                FilmId = f.FilmId,
                Title = f.Title!.Trim(),
                TitleKey = f.Title.Trim().ToLower(),
                TitleUpper = f.Title.Trim().ToUpper(),
                TitleLength = f.Title.Trim().Length,
                Description = f.Description == null || f.Description.Trim() == "" ? null : f.Description.Trim(),
                Email = Regex.IsMatch(f.Email!.Trim().ToLower(), "^[^@ ]+@[^@ ]+[.][a-z]+$") ? f.Email.Trim().ToLower() : null,
                Rating = Regex.IsMatch(f.Rating!, "^(G|PG|PG-13|R|NC-17)$") ? f.Rating : null,
                LengthMinutes = f.LengthMinutes,
                LanguageId = f.LanguageId!.Value,
                IsActive = f.Active == 1,
                BatchId = context.BatchId,
            });
}

/// <summary>The current state of the SCD2 film dimension, from the silver-like raw films.</summary>
public sealed class DimFilmTransform : Transform<RawFilm, DimFilm>
{
    public override TransformDefinition<RawFilm, DimFilm> Define(ITransformSources sources, TransformContext context) =>
        From(sources.Set<RawFilm>().LatestPerKey(f => f.FilmId, f => f.BatchId).Where(f => f.Title != null))
            .Select(f => new DimFilm { FilmId = f.FilmId, Title = f.Title!.Trim(), Rating = f.Rating });
}

/// <summary>The input row of <see cref="FilmTitleTransform"/>: a raw film version and its language's name.</summary>
public sealed class FilmTitleInput
{
    public long RowId { get; init; }

    public RawFilm Film { get; init; } = null!;

    public string? Language { get; init; }
}

/// <summary>
/// Every raw film version with a title, joined (inner) to its language; a language without a name is quarantined. The
/// target key is the root's own identity reached through the input row (<c>x.Film.RowId</c>), as in the Pagila facts.
/// </summary>
public sealed class FilmTitleTransform : Transform<FilmTitleInput, FilmTitle>
{
    public override TransformDefinition<FilmTitleInput, FilmTitle> Define(ITransformSources sources, TransformContext context)
    {
        var rows =
            from f in sources.Set<RawFilm>()
            join l in sources.Set<RawLanguage>() on f.LanguageId equals (int?)l.LanguageId
            where f.Title != null
            select new FilmTitleInput { RowId = f.RowId, Film = f, Language = l.Name };
        return From(rows)
            .Rule("unnamed_language", x => x.Language != null, "The film's language has no name.")
            .KeyedBy(x => x.RowId)
            .Select(x => new FilmTitle { RowId = x.Film.RowId, Title = x.Film.Title!, Language = x.Language! });
    }
}
