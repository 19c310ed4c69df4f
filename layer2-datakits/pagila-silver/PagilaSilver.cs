using DataPlatform.Datakits.Pagila.Bronze;
using DataPlatform.Datakits.Pagila.Silver.Transforms;
using DataPlatform.Framework.Pipelines;

namespace DataPlatform.Datakits.Pagila.Silver;

/// <summary>The Pagila silver layer as the pipeline runs it: bronze → <c>sl__pagila</c>, parents before children.</summary>
public static class PagilaSilver
{
    /// <summary>
    /// The 15 silver tables in dependency order (parents first, so a child of a quarantined row is quarantined too), each
    /// applied from its bronze table: the latest not-yet-applied bronze row per key, cleaned, with source deletes becoming
    /// soft deletes. One transaction with the ledger rows.
    /// </summary>
    public static TransformLayer Layer { get; } = TransformLayer.For<PagilaSilverContext>("silver")
        .ReadsFrom<PagilaBronzeContext>()
        .Apply(new CountryTransform())
        .Apply(new CityTransform())
        .Apply(new AddressTransform())
        .Apply(new LanguageTransform())
        .Apply(new CategoryTransform())
        .Apply(new ActorTransform())
        .Apply(new FilmTransform())
        .Apply(new FilmActorTransform())
        .Apply(new FilmCategoryTransform())
        .Apply(new StoreTransform())
        .Apply(new StaffTransform())
        .Apply(new CustomerTransform())
        .Apply(new InventoryTransform())
        .Apply(new RentalTransform())
        .Apply(new PaymentTransform());
}
