using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Source deletes of customers become soft deletes: an active silver row whose latest bronze row is a <c>delete</c> newer than
/// the silver row gets <c>inactivated_date</c> = the run time; its other values stay as they were.
/// </summary>
internal sealed class CustomerDeleteTransform : Transform<Customer, Customer>
{
    public override string Name => "silver_customer_delete";

    public override TransformDefinition<Customer, Customer> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(context);
        var bronze = sources.Set<B.Customer>();
        var runTime = context.RunTimeUtc;
        var batchId = context.BatchId;
        var rows = sources.Set<Customer>().Where(s => s.InactivatedDate == null && bronze.Any(b => b.CustomerId == s.CustomerId
            && b.DpOperation == BronzeOperation.Delete && b.DpBatchId > s.SourceBatchId
            && !bronze.Any(n => n.CustomerId == b.CustomerId && n.DpBatchId > b.DpBatchId)));

        return From(rows).Select(s => new Customer
        {
            CustomerId = s.CustomerId,
            StoreId = s.StoreId,
            FirstName = s.FirstName,
            LastName = s.LastName,
            Email = s.Email,
            AddressId = s.AddressId,
            IsActive = s.IsActive,
            CreateDate = s.CreateDate,
            LastUpdate = s.LastUpdate,
            SourceBatchId = batchId,
            InactivatedDate = runTime,
        });
    }
}
