using System.Globalization;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>The silver tables in dependency order (parents first), each with its transforms and key.</summary>
internal static class SilverSteps
{
    public static IReadOnlyList<ISilverStep> All { get; } =
    [
        new SilverStep<B.Country, Country>("country", new CountryTransform(), new CountryDeleteTransform(), r => r.CountryId.ToString(CultureInfo.InvariantCulture)),
        new SilverStep<B.City, City>("city", new CityTransform(), new CityDeleteTransform(), r => r.CityId.ToString(CultureInfo.InvariantCulture)),
        new SilverStep<B.Address, Address>("address", new AddressTransform(), new AddressDeleteTransform(), r => r.AddressId.ToString(CultureInfo.InvariantCulture)),
        new SilverStep<B.Language, Language>("language", new LanguageTransform(), new LanguageDeleteTransform(), r => r.LanguageId.ToString(CultureInfo.InvariantCulture)),
        new SilverStep<B.Category, Category>("category", new CategoryTransform(), new CategoryDeleteTransform(), r => r.CategoryId.ToString(CultureInfo.InvariantCulture)),
        new SilverStep<B.Actor, Actor>("actor", new ActorTransform(), new ActorDeleteTransform(), r => r.ActorId.ToString(CultureInfo.InvariantCulture)),
        new SilverStep<B.Film, Film>("film", new FilmTransform(), new FilmDeleteTransform(), r => r.FilmId.ToString(CultureInfo.InvariantCulture)),
        new SilverStep<B.FilmActor, FilmActor>("film_actor", new FilmActorTransform(), new FilmActorDeleteTransform(), r => r.ActorId.ToString(CultureInfo.InvariantCulture) + "|" + r.FilmId.ToString(CultureInfo.InvariantCulture)),
        new SilverStep<B.FilmCategory, FilmCategory>("film_category", new FilmCategoryTransform(), new FilmCategoryDeleteTransform(), r => r.FilmId.ToString(CultureInfo.InvariantCulture) + "|" + r.CategoryId.ToString(CultureInfo.InvariantCulture)),
        new SilverStep<B.Store, Store>("store", new StoreTransform(), new StoreDeleteTransform(), r => r.StoreId.ToString(CultureInfo.InvariantCulture)),
        new SilverStep<B.Staff, Staff>("staff", new StaffTransform(), new StaffDeleteTransform(), r => r.StaffId.ToString(CultureInfo.InvariantCulture)),
        new SilverStep<B.Customer, Customer>("customer", new CustomerTransform(), new CustomerDeleteTransform(), r => r.CustomerId.ToString(CultureInfo.InvariantCulture)),
        new SilverStep<B.Inventory, Inventory>("inventory", new InventoryTransform(), new InventoryDeleteTransform(), r => r.InventoryId.ToString(CultureInfo.InvariantCulture)),
        new SilverStep<B.Rental, Rental>("rental", new RentalTransform(), new RentalDeleteTransform(), r => r.RentalId.ToString(CultureInfo.InvariantCulture)),
        new SilverStep<B.Payment, Payment>("payment", new PaymentTransform(), new PaymentDeleteTransform(), r => r.PaymentId.ToString(CultureInfo.InvariantCulture)),
    ];
}
