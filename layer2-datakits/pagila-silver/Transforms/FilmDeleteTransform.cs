using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Source deletes of films become soft deletes: an active silver row whose latest bronze row is a <c>delete</c> newer than
/// the silver row gets <c>inactivated_date</c> = the run time; its other values stay as they were.
/// </summary>
internal sealed class FilmDeleteTransform : Transform<Film, Film>
{
    public override string Name => "silver_film_delete";

    public override TransformDefinition<Film, Film> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(context);
        var bronze = sources.Set<B.Film>();
        var runTime = context.RunTimeUtc;
        var batchId = context.BatchId;
        var rows = sources.Set<Film>().Where(s => s.InactivatedDate == null && bronze.Any(b => b.FilmId == s.FilmId
            && b.DpOperation == BronzeOperation.Delete && b.DpBatchId > s.SourceBatchId
            && !bronze.Any(n => n.FilmId == b.FilmId && n.DpBatchId > b.DpBatchId)));

        return From(rows).Select(s => new Film
        {
            FilmId = s.FilmId,
            Title = s.Title,
            Description = s.Description,
            ReleaseYear = s.ReleaseYear,
            LanguageId = s.LanguageId,
            OriginalLanguageId = s.OriginalLanguageId,
            RentalDuration = s.RentalDuration,
            RentalRate = s.RentalRate,
            Length = s.Length,
            ReplacementCost = s.ReplacementCost,
            Rating = s.Rating,
            SpecialFeatures = s.SpecialFeatures,
            LastUpdate = s.LastUpdate,
            SourceBatchId = batchId,
            InactivatedDate = runTime,
        });
    }
}
