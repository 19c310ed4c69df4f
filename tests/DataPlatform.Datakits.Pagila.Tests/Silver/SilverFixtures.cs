using DataPlatform.Datakits.Pagila.Silver.Transforms;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Tests.Silver;

/// <summary>A minimal, valid bronze graph (one row per table, batch 1) that tests mutate to plant one problem at a time.</summary>
internal sealed class SilverFixtures
{
    public static readonly DateTime T0 = new(2022, 2, 14, 10, 0, 0, DateTimeKind.Utc);

    public List<B.Country> Countries { get; } = [];
    public List<B.City> Cities { get; } = [];
    public List<B.Address> Addresses { get; } = [];
    public List<B.Language> Languages { get; } = [];
    public List<B.Category> Categories { get; } = [];
    public List<B.Actor> Actors { get; } = [];
    public List<B.Film> Films { get; } = [];
    public List<B.FilmActor> FilmActors { get; } = [];
    public List<B.FilmCategory> FilmCategories { get; } = [];
    public List<B.Store> Stores { get; } = [];
    public List<B.Staff> Staff { get; } = [];
    public List<B.Customer> Customers { get; } = [];
    public List<B.Inventory> Inventory { get; } = [];
    public List<B.Rental> Rentals { get; } = [];
    public List<B.Payment> Payments { get; } = [];

    public static SilverFixtures Valid(long batch = 1)
    {
        var f = new SilverFixtures();
        f.Countries.Add(f.Stamp(new B.Country { CountryId = 1, CountryName = "Chile", LastUpdate = T0 }, batch));
        f.Cities.Add(f.Stamp(new B.City { CityId = 1, CityName = "Santiago", CountryId = 1, LastUpdate = T0 }, batch));
        f.Addresses.Add(f.Stamp(new B.Address { AddressId = 1, AddressLine = "1 Main St", Address2 = "", District = "Centro", CityId = 1, PostalCode = "123", Phone = "555", LastUpdate = T0 }, batch));
        f.Languages.Add(f.Stamp(new B.Language { LanguageId = 1, Name = "English             ", LastUpdate = T0 }, batch));
        f.Categories.Add(f.Stamp(new B.Category { CategoryId = 1, Name = "Drama", LastUpdate = T0 }, batch));
        f.Actors.Add(f.Stamp(new B.Actor { ActorId = 1, FirstName = "Penelope", LastName = "Guiness", LastUpdate = T0 }, batch));
        f.Films.Add(f.Stamp(new B.Film
        {
            FilmId = 1, Title = "Academy Dinosaur", Description = "A drama", ReleaseYear = 2006, LanguageId = 1, RentalDuration = 3,
            RentalRate = 0.99m, Length = 86, ReplacementCost = 20.99m, Rating = "PG", SpecialFeatures = ["Trailers"], LastUpdate = T0,
        }, batch));
        f.FilmActors.Add(f.Stamp(new B.FilmActor { ActorId = 1, FilmId = 1, LastUpdate = T0 }, batch));
        f.FilmCategories.Add(f.Stamp(new B.FilmCategory { FilmId = 1, CategoryId = 1, LastUpdate = T0 }, batch));
        f.Stores.Add(f.Stamp(new B.Store { StoreId = 0, ManagerStaffId = 0, AddressId = 1, LastUpdate = T0 }, batch));
        f.Staff.Add(f.Stamp(new B.Staff { StaffId = 0, FirstName = "Mike", LastName = "Hillyer", AddressId = 1, Email = "Mike@Staff.com", StoreId = 0, Active = true, Username = "mike", LastUpdate = T0 }, batch));
        f.Customers.Add(f.Stamp(new B.Customer
        {
            CustomerId = 1, StoreId = 0, FirstName = "Mary", LastName = "Smith", Email = "MARY.SMITH@sakilacustomer.org", AddressId = 1,
            Activebool = true, CreateDate = new DateOnly(2022, 2, 14), LastUpdate = T0, Active = 1,
        }, batch));
        f.Inventory.Add(f.Stamp(new B.Inventory { InventoryId = 1, FilmId = 1, StoreId = 0, LastUpdate = T0 }, batch));
        f.Rentals.Add(f.Stamp(new B.Rental { RentalId = 1, RentalDate = T0, InventoryId = 1, CustomerId = 1, ReturnDate = T0.AddDays(2), StaffId = 0, LastUpdate = T0 }, batch));
        f.Payments.Add(f.Stamp(new B.Payment { PaymentId = 1, CustomerId = 1, StaffId = 0, RentalId = 1, Amount = 2.99m, PaymentDate = T0.AddHours(1) }, batch));
        return f;
    }

    public T Stamp<T>(T row, long batch, BronzeOperation operation = BronzeOperation.Upsert)
        where T : DataPlatform.Framework.Mixins.BronzeRecord
    {
        row.DpBatchId = batch;
        row.DpOperation = operation;
        row.DpRecordHash = new byte[16];
        return row;
    }

    /// <summary>Puts every bronze list into an in-memory state (again: call after changing the lists).</summary>
    public InMemoryLayerState Load(InMemoryLayerState? state = null)
    {
        state ??= new InMemoryLayerState();
        state.Add(Countries).Add(Cities).Add(Addresses).Add(Languages).Add(Categories).Add(Actors)
            .Add(Films).Add(FilmActors).Add(FilmCategories).Add(Stores).Add(Staff).Add(Customers)
            .Add(Inventory).Add(Rentals).Add(Payments);
        return state;
    }

    public static TransformContext Context(long batch) => new(batch, T0.AddDays(30 + batch));
}
