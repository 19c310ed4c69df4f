using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Source deletes of cities become soft deletes: an active silver row whose latest bronze row is a <c>delete</c> newer than
/// the silver row gets <c>inactivated_date</c> = the run time; its other values stay as they were.
/// </summary>
internal sealed class CityDeleteTransform : Transform<City, City>
{
    public override string Name => "silver_city_delete";

    public override TransformDefinition<City, City> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(context);
        var bronze = sources.Set<B.City>();
        var runTime = context.RunTimeUtc;
        var batchId = context.BatchId;
        var rows = sources.Set<City>().Where(s => s.InactivatedDate == null && bronze.Any(b => b.CityId == s.CityId
            && b.DpOperation == BronzeOperation.Delete && b.DpBatchId > s.SourceBatchId
            && !bronze.Any(n => n.CityId == b.CityId && n.DpBatchId > b.DpBatchId)));

        return From(rows).Select(s => new City
        {
            CityId = s.CityId,
            Name = s.Name,
            CountryId = s.CountryId,
            LastUpdate = s.LastUpdate,
            SourceBatchId = batchId,
            InactivatedDate = runTime,
        });
    }
}
