using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Bronze → silver customers, cleaned per DESIGN.md §4; rows breaking a hard rule go to quarantine and are re-read on every run
/// until they pass. The silver layer reads only the latest not-yet-applied bronze row per key and soft-deletes source deletes.
/// </summary>
internal sealed class CustomerTransform : Transform<B.Customer, Customer>
{
    public override string Name => "silver_customer";

    public override TransformDefinition<B.Customer, Customer> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var bronzeAddress = sources.Set<B.Address>();
        var silverAddress = sources.Set<Address>();
        var bronzeStore = sources.Set<B.Store>();
        var silverStore = sources.Set<Store>();
        return From(sources.Set<B.Customer>())
            .Rule("blank_name", b => !Clean.IsBlank(b.FirstName) && !Clean.IsBlank(b.LastName), "A required name is blank.")
            .Rule("missing_value", b => b.CreateDate != null, "The create date is missing.")
            .Rule("implausible_date", b => b.CreateDate >= PlausibleRange.EarliestDay && b.CreateDate < PlausibleRange.EndDay, "The create date is outside 1900-2099.")
            .Rule("orphan_store_id", b => b.StoreId != null && bronzeStore.Any(p => p.StoreId == b.StoreId), "StoreId references no store in the source.")
            .Rule("orphan_address_id", b => b.AddressId != null && bronzeAddress.Any(p => p.AddressId == b.AddressId), "AddressId references no address in the source.")
            .Rule("parent_quarantined", b => silverStore.Any(p => p.StoreId == b.StoreId) && silverAddress.Any(p => p.AddressId == b.AddressId), "A referenced row is quarantined.")
            .KeyedBy(b => b.CustomerId)
            .Select(b => new Customer
            {
                CustomerId = b.CustomerId,
                StoreId = b.StoreId!.Value,
                FirstName = b.FirstName!.Trim(),
                LastName = b.LastName!.Trim(),
                Email = Clean.Email(b.Email),
                AddressId = b.AddressId!.Value,
                IsActive = b.Active == 1,
                CreateDate = b.CreateDate!.Value,
                LastUpdate = b.LastUpdate,
            });
    }
}
