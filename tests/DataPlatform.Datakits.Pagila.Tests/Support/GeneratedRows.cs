using System.Text.Json;
using DataPlatform.Datakits.Pagila.Source.Generation;
using SourceEntities = DataPlatform.Datakits.Pagila.Source.Entities;

namespace DataPlatform.Datakits.Pagila.Tests.Support;

/// <summary>All 15 streams of a generator, materialized (small scales only), with a stable fingerprint for equality.</summary>
public sealed class GeneratedRows
{
    public GeneratedRows(PagilaGenerator generator)
    {
        Countries = generator.Countries().ToList();
        Cities = generator.Cities().ToList();
        Addresses = generator.AddressRows().ToList();
        Languages = generator.Languages().ToList();
        Categories = generator.Categories().ToList();
        Actors = generator.Actors().ToList();
        Films = generator.Films().ToList();
        FilmActors = generator.FilmActors().ToList();
        FilmCategories = generator.FilmCategories().ToList();
        Stores = generator.Stores().ToList();
        Staff = generator.StaffMembers().ToList();
        Customers = generator.CustomerRows().ToList();
        Inventory = generator.InventoryRows().ToList();
        Rentals = generator.RentalRows().ToList();
        Payments = generator.Payments().ToList();
    }

    public List<SourceEntities.Country> Countries { get; }

    public List<SourceEntities.City> Cities { get; }

    public List<SourceEntities.Address> Addresses { get; }

    public List<SourceEntities.Language> Languages { get; }

    public List<SourceEntities.Category> Categories { get; }

    public List<SourceEntities.Actor> Actors { get; }

    public List<SourceEntities.Film> Films { get; }

    public List<SourceEntities.FilmActor> FilmActors { get; }

    public List<SourceEntities.FilmCategory> FilmCategories { get; }

    public List<SourceEntities.Store> Stores { get; }

    public List<SourceEntities.Staff> Staff { get; }

    public List<SourceEntities.Customer> Customers { get; }

    public List<SourceEntities.Inventory> Inventory { get; }

    public List<SourceEntities.Rental> Rentals { get; }

    public List<SourceEntities.Payment> Payments { get; }

    public IReadOnlyDictionary<string, int> Counts => new Dictionary<string, int>
    {
        ["country"] = Countries.Count, ["city"] = Cities.Count, ["address"] = Addresses.Count, ["language"] = Languages.Count,
        ["category"] = Categories.Count, ["actor"] = Actors.Count, ["film"] = Films.Count, ["film_actor"] = FilmActors.Count,
        ["film_category"] = FilmCategories.Count, ["store"] = Stores.Count, ["staff"] = Staff.Count, ["customer"] = Customers.Count,
        ["inventory"] = Inventory.Count, ["rental"] = Rentals.Count, ["payment"] = Payments.Count,
    };

    /// <summary>Every row of every table as JSON, in stream order.</summary>
    public string Fingerprint() => JsonSerializer.Serialize(new object[]
    {
        Countries, Cities, Addresses, Languages, Categories, Actors, Films, FilmActors, FilmCategories, Stores, Staff, Customers, Inventory, Rentals, Payments,
    });
}
