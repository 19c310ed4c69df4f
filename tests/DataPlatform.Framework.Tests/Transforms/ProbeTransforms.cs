using DataPlatform.Framework.Transforms;

namespace DataPlatform.Framework.Tests.Transforms;

/// <summary>The mapping the probe transforms share: only their rules differ.</summary>
internal static class ProbeMapping
{
    public static readonly System.Linq.Expressions.Expression<Func<RawFilm, CleanFilm>> ToCleanFilm = f => new CleanFilm
    {
        FilmId = f.FilmId,
        Title = f.Title!,
        TitleKey = f.Title!,
        TitleUpper = f.Title!,
        TitleLength = f.FilmId,
        LanguageId = f.LanguageId!.Value,
        IsActive = true,
        BatchId = f.BatchId,
    };
}

/// <summary>A rule probing the language codes (an unindexed table, like bronze) by a nullable key: NULL and unknown languages are quarantined.</summary>
public sealed class LanguageProbeTransform : Transform<RawFilm, CleanFilm>
{
    public override TransformDefinition<RawFilm, CleanFilm> Define(ITransformSources sources, TransformContext context) =>
        From(sources.Set<RawFilm>())
            .Rule("orphan_language", f => sources.Set<RawLanguageCode>().Any(l => l.LanguageId == f.LanguageId), "language does not exist")
            .KeyedBy(f => f.FilmId)
            .Select(ProbeMapping.ToCleanFilm);
}

/// <summary>The probe written the other way round on a non-nullable key, after a null guard, as the silver datakits write them.</summary>
public sealed class GuardedProbeTransform : Transform<RawFilm, CleanFilm>
{
    public override TransformDefinition<RawFilm, CleanFilm> Define(ITransformSources sources, TransformContext context)
    {
        var languages = sources.Set<RawLanguageCode>();
        return From(sources.Set<RawFilm>())
            .Rule("film_is_no_language", f => languages.Any(l => f.FilmId == l.LanguageId), "film id is no language id")
            .Rule("orphan_language", f => f.LanguageId != null && languages.Any(l => f.LanguageId == l.LanguageId), "language does not exist")
            .KeyedBy(f => f.FilmId)
            .Select(ProbeMapping.ToCleanFilm);
    }
}

/// <summary>The same probe as a filter of the source rows (a WHERE, where EXISTS becomes a semi-join) and as a rule.</summary>
public sealed class FilteredProbeTransform : Transform<RawFilm, CleanFilm>
{
    public override TransformDefinition<RawFilm, CleanFilm> Define(ITransformSources sources, TransformContext context)
    {
        var languages = sources.Set<RawLanguageCode>();
        return From(sources.Set<RawFilm>().Where(f => languages.Any(l => l.LanguageId == f.LanguageId)))
            .Rule("orphan_language", f => languages.Any(l => l.LanguageId == f.LanguageId), "language does not exist")
            .KeyedBy(f => f.FilmId)
            .Select(ProbeMapping.ToCleanFilm);
    }
}

/// <summary>The same rule probing the languages by their key: the probe keeps EXISTS (an index probe per row or a hash).</summary>
public sealed class KeyedProbeTransform : Transform<RawFilm, CleanFilm>
{
    public override TransformDefinition<RawFilm, CleanFilm> Define(ITransformSources sources, TransformContext context) =>
        From(sources.Set<RawFilm>())
            .Rule("orphan_language", f => sources.Set<RawLanguage>().Any(l => l.LanguageId == f.LanguageId), "language does not exist")
            .Rule("blank_title", f => f.Title != null, "title is missing")
            .KeyedBy(f => f.FilmId)
            .Select(ProbeMapping.ToCleanFilm);
}
