using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Bronze → silver films, cleaned per DESIGN.md §4; rows breaking a hard rule go to quarantine and are re-read on every run
/// until they pass. The silver layer reads only the latest not-yet-applied bronze row per key and soft-deletes source deletes.
/// </summary>
internal sealed class FilmTransform : Transform<B.Film, Film>
{
    public override string Name => "silver_film";

    public override TransformDefinition<B.Film, Film> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var bronzeLanguage = sources.Set<B.Language>();
        var silverLanguage = sources.Set<Language>();
        return From(sources.Set<B.Film>())
            .Rule("blank_title", b => !Clean.IsBlank(b.Title), "The title is blank.")
            .Rule("missing_value", b => b.RentalDuration != null && b.RentalRate != null && b.ReplacementCost != null, "A required value (rental duration, rate or replacement cost) is missing.")
            .Rule("orphan_language_id", b => b.LanguageId != null && bronzeLanguage.Any(p => p.LanguageId == b.LanguageId), "LanguageId references no language in the source.")
            .Rule("orphan_original_language_id", b => b.OriginalLanguageId == null || bronzeLanguage.Any(p => p.LanguageId == b.OriginalLanguageId), "OriginalLanguageId references no language in the source.")
            .Rule("parent_quarantined", b => silverLanguage.Any(p => p.LanguageId == b.LanguageId) && (b.OriginalLanguageId == null || silverLanguage.Any(p => p.LanguageId == b.OriginalLanguageId)), "A referenced row is quarantined.")
            .KeyedBy(b => b.FilmId)
            .Select(b => new Film
            {
                FilmId = b.FilmId,
                Title = b.Title!.Trim(),
                Description = Clean.Text(b.Description),
                ReleaseYear = b.ReleaseYear,
                LanguageId = b.LanguageId!.Value,
                OriginalLanguageId = b.OriginalLanguageId,
                RentalDuration = b.RentalDuration!.Value,
                RentalRate = b.RentalRate!.Value,
                Length = b.Length,
                ReplacementCost = b.ReplacementCost!.Value,
                Rating = Clean.Text(b.Rating),
                SpecialFeatures = b.SpecialFeatures,
                LastUpdate = b.LastUpdate,
            });
    }
}
