using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Source deletes of addresses become soft deletes: an active silver row whose latest bronze row is a <c>delete</c> newer than
/// the silver row gets <c>inactivated_date</c> = the run time; its other values stay as they were.
/// </summary>
internal sealed class AddressDeleteTransform : Transform<Address, Address>
{
    public override string Name => "silver_address_delete";

    public override TransformDefinition<Address, Address> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(context);
        var bronze = sources.Set<B.Address>();
        var runTime = context.RunTimeUtc;
        var batchId = context.BatchId;
        var rows = sources.Set<Address>().Where(s => s.InactivatedDate == null && bronze.Any(b => b.AddressId == s.AddressId
            && b.DpOperation == BronzeOperation.Delete && b.DpBatchId > s.SourceBatchId
            && !bronze.Any(n => n.AddressId == b.AddressId && n.DpBatchId > b.DpBatchId)));

        return From(rows).Select(s => new Address
        {
            AddressId = s.AddressId,
            Line1 = s.Line1,
            Line2 = s.Line2,
            District = s.District,
            CityId = s.CityId,
            PostalCode = s.PostalCode,
            Phone = s.Phone,
            LastUpdate = s.LastUpdate,
            SourceBatchId = batchId,
            InactivatedDate = runTime,
        });
    }
}
