using DataPlatform.Datakits.Pagila.Gold;
using DataPlatform.Datakits.Pagila.Gold.Transforms;
using DataPlatform.Datakits.Pagila.Silver;
using DataPlatform.Framework.Calendar;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Datakits.Pagila.Tests.Gold;

/// <summary>The gold transforms in memory (no database): the same definitions the server runs, over silver and gold rows in lists.</summary>
public sealed class GoldInMemoryTests
{
    private static readonly DateTime T0 = new(2022, 2, 14, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Change = new(2022, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TransformContext Context = new(7, Change);

    [Fact]
    public void Every_gold_transform_passes_the_static_checks()
    {
        TransformRunner.Check(new DimDateTransform());
        TransformRunner.Check(new DimCustomerTransform());
        TransformRunner.Check(new DimFilmTransform());
        TransformRunner.Check(new DimStoreTransform());
        TransformRunner.Check(new DimStaffTransform());
        TransformRunner.Check(new FactRentalTransform());
        TransformRunner.Check(new FactPaymentTransform());
    }

    [Fact]
    public void Dim_date_has_one_row_per_day_of_the_range_with_iso_weekdays_and_english_names()
    {
        Rental[] rentals =
        [
            new() { RentalId = 1, RentalDate = T0, ReturnDate = T0.AddDays(2) },
            new() { RentalId = 2, RentalDate = T0.AddDays(-30), InactivatedDate = T0 },   // soft-deleted: outside the range
        ];
        Payment[] payments = [new() { PaymentId = 1, PaymentDate = new DateTime(2022, 2, 20, 23, 59, 0, DateTimeKind.Utc) }];
        var sources = new InMemorySources().Add(PagilaDays(rentals, payments));

        var days = TransformRunner.RunInMemory(new DimDateTransform(), sources, Context).Rows.OrderBy(d => d.DateKey).ToList();

        Assert.Equal([20220214, 20220215, 20220216, 20220217, 20220218, 20220219, 20220220], days.Select(d => d.DateKey));
        var monday = days[0];
        Assert.Equal((new DateOnly(2022, 2, 14), 2022, 1, 2, "February", 14, 1, "Monday", false),
            (monday.FullDate, monday.Year, monday.Quarter, monday.Month, monday.MonthName, monday.DayOfMonth, monday.DayOfWeek, monday.DayName, monday.IsWeekend));
        Assert.Equal((6, "Saturday", true), (days[5].DayOfWeek, days[5].DayName, days[5].IsWeekend));
        Assert.Equal((7, "Sunday", true), (days[6].DayOfWeek, days[6].DayName, days[6].IsWeekend));
        Assert.Empty(PagilaDays([], []));
    }

    [Theory]
    [InlineData(1, "January", 1)]
    [InlineData(4, "April", 2)]
    [InlineData(9, "September", 3)]
    [InlineData(12, "December", 4)]
    public void Dim_date_names_months_and_quarters(int month, string name, int quarter)
    {
        var sources = new InMemorySources().Add([new CalendarDay { Day = new DateOnly(2024, month, 1) }]);
        var day = Assert.Single(TransformRunner.RunInMemory(new DimDateTransform(), sources, Context).Rows);
        Assert.Equal((name, quarter, (2024 * 10000) + (month * 100) + 1), (day.MonthName, day.Quarter, day.DateKey));
    }

    [Fact]
    public void Dim_customer_joins_address_city_and_country_and_leaves_out_deleted_customers()
    {
        var g = Graph.Valid();
        g.Customers.Add(new Customer { CustomerId = 2, StoreId = 1, FirstName = "Gone", LastName = "Away", AddressId = 1, InactivatedDate = T0 });

        var result = TransformRunner.RunInMemory(new DimCustomerTransform(), g.Sources(), Context);

        var c = Assert.Single(result.Rows);
        Assert.Equal((1, "Mary Smith", "mary@example.org", true, 1), (c.CustomerId, c.FullName, c.Email, c.IsActive, c.StoreId));
        Assert.Equal(("1 Main St", null, "Centro", "Santiago", "Chile", "123", "555"), (c.Address, c.Address2, c.District, c.City, c.Country, c.PostalCode, c.Phone));
        Assert.Equal(new DateOnly(2022, 2, 14), c.CreateDate);
        Assert.Equal((0L, default(DateTime), (DateTime?)null, false), (c.CustomerKey, c.ValidFrom, c.ValidTo, c.IsCurrent));   // the merge owns these
    }

    [Fact]
    public void Dim_film_has_language_names_sorted_live_categories_and_live_actor_count()
    {
        var g = Graph.Valid();
        g.Languages.Add(new Language { LanguageId = 2, Name = "Italian" });
        g.Films[0].OriginalLanguageId = 2;
        g.Categories.AddRange([new Category { CategoryId = 2, Name = "Action" }, new Category { CategoryId = 3, Name = "Zany" }, new Category { CategoryId = 4, Name = "animation" }]);
        g.FilmCategories.AddRange(
        [
            new FilmCategory { FilmId = 1, CategoryId = 3 }, new FilmCategory { FilmId = 1, CategoryId = 2 }, new FilmCategory { FilmId = 1, CategoryId = 4 },
            new FilmCategory { FilmId = 1, CategoryId = 99, InactivatedDate = T0 },
        ]);
        g.FilmActors.AddRange([new FilmActor { FilmId = 1, ActorId = 2 }, new FilmActor { FilmId = 1, ActorId = 3, InactivatedDate = T0 }]);
        g.Films.Add(new Film { FilmId = 2, Title = "Lonely", LanguageId = 1, RentalDuration = 5, RentalRate = 2.99m, ReplacementCost = 9.99m });

        var films = TransformRunner.RunInMemory(new DimFilmTransform(), g.Sources(), Context).Rows.OrderBy(f => f.FilmId).ToList();

        Assert.Equal(2, films.Count);
        var f = films[0];
        Assert.Equal(("English", "Italian", "PG", 86, 3), (f.Language, f.OriginalLanguage, f.Rating, f.LengthMinutes, f.RentalDurationDays));
        Assert.Equal(["Action", "Drama", "Zany", "animation"], f.Categories);   // code-point order, as COLLATE "C"
        Assert.Equal(["Trailers"], f.SpecialFeatures!);
        Assert.Equal(2, f.ActorCount);
        Assert.Equal((null, 0, 0), (films[1].OriginalLanguage, films[1].Categories.Length, films[1].ActorCount));
    }

    [Fact]
    public void Dim_staff_flags_managers_of_live_stores_and_dim_store_names_the_manager()
    {
        var g = Graph.Valid();
        g.Staff.Add(new Staff { StaffId = 2, FirstName = "Jon", LastName = "Stephens", AddressId = 1, StoreId = 1, Username = "jon", IsActive = true });
        g.Staff.Add(new Staff { StaffId = 3, FirstName = "Old", LastName = "Boss", AddressId = 1, StoreId = 1, Username = "old" });
        g.Stores.Add(new Store { StoreId = 2, ManagerStaffId = 3, AddressId = 1, InactivatedDate = T0 });
        g.Stores.Add(new Store { StoreId = 3, ManagerStaffId = 42, AddressId = 1 });

        var staff = TransformRunner.RunInMemory(new DimStaffTransform(), g.Sources(), Context).Rows.ToDictionary(s => s.StaffId);
        var stores = TransformRunner.RunInMemory(new DimStoreTransform(), g.Sources(), Context).Rows.ToDictionary(s => s.StoreId);

        Assert.Equal((true, false, false), (staff[1].IsStoreManager, staff[2].IsStoreManager, staff[3].IsStoreManager));
        Assert.Equal(("Mike Hillyer", "mike", "mike@example.org"), (staff[1].FullName, staff[1].Username, staff[1].Email));
        Assert.Equal("Mike Hillyer", stores[1].ManagerFullName);
        Assert.Null(stores[3].ManagerFullName);                        // manager not in silver
        Assert.Equal(("Santiago", "Chile"), (stores[1].City, stores[1].Country));
        Assert.Equal(3, stores.Count);                                  // soft-deleted stores keep their last attributes
    }

    [Fact]
    public void Fact_rental_takes_the_customer_version_valid_at_the_rental_date()
    {
        var g = Graph.Valid();
        g.Rentals.Add(new Rental { RentalId = 2, RentalDate = Change.AddDays(1), InventoryId = 1, CustomerId = 1, StaffId = 1 });
        g.Rentals.Add(new Rental { RentalId = 3, RentalDate = Change, InventoryId = 1, CustomerId = 1, StaffId = 1 });   // at the change: new version
        g.WithGoldDimensions(versions:
        [
            new DimCustomer { CustomerKey = 10, CustomerId = 1, ValidFrom = new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc), ValidTo = Change },
            new DimCustomer { CustomerKey = 11, CustomerId = 1, ValidFrom = Change, IsCurrent = true },
        ]);

        var rentals = TransformRunner.RunInMemory(new FactRentalTransform(), g.Sources(), Context).Rows.ToDictionary(r => r.RentalId);

        Assert.Equal((10L, 11L, 11L), (rentals[1].CustomerKey, rentals[2].CustomerKey, rentals[3].CustomerKey));
        Assert.Equal((100L, 200L, 300L), (rentals[1].FilmKey, rentals[1].StoreKey, rentals[1].StaffKey));
    }

    [Fact]
    public void Fact_rental_measures_days_overdue_and_payments()
    {
        var g = Graph.Valid();   // rental 1: returned after 2 days 12 hours, rental duration 3 days, one payment of 2.99
        g.Payments.Add(new Payment { PaymentId = 2, RentalId = 1, CustomerId = 1, StaffId = 1, Amount = 1.00m, PaymentDate = T0 });
        g.Payments.Add(new Payment { PaymentId = 3, RentalId = 1, CustomerId = 1, StaffId = 1, Amount = 5.00m, PaymentDate = T0, InactivatedDate = T0 });
        g.Rentals.Add(new Rental { RentalId = 2, RentalDate = T0, InventoryId = 1, CustomerId = 1, StaffId = 1, ReturnDate = T0.AddDays(3).AddMinutes(1) });
        g.Rentals.Add(new Rental { RentalId = 3, RentalDate = T0, InventoryId = 1, CustomerId = 1, StaffId = 1 });
        g.Rentals.Add(new Rental { RentalId = 4, RentalDate = T0, InventoryId = 1, CustomerId = 1, StaffId = 1, InactivatedDate = T0 });
        g.WithGoldDimensions();

        var result = TransformRunner.RunInMemory(new FactRentalTransform(), g.Sources(), Context);
        var rentals = result.Rows.ToDictionary(r => r.RentalId);

        Assert.Equal([1, 2, 3], rentals.Keys.Order());                  // the soft-deleted rental is not a fact
        var r1 = rentals[1];
        Assert.Equal((2.5m, true, false, 3.99m, 2), (r1.RentalDays, r1.IsReturned, r1.IsOverdue, r1.AmountPaid, r1.PaymentCount));
        Assert.Equal((20220214, 20220216), (r1.RentalDateKey, r1.ReturnDateKey));
        Assert.Equal((3.00m, true, 0m, 0), (rentals[2].RentalDays, rentals[2].IsOverdue, rentals[2].AmountPaid, rentals[2].PaymentCount));
        Assert.Equal(((decimal?)null, (int?)null, false, false), (rentals[3].RentalDays, rentals[3].ReturnDateKey, rentals[3].IsReturned, rentals[3].IsOverdue));
    }

    [Fact]
    public void Facts_whose_dimension_member_is_missing_are_quarantined_not_dropped()
    {
        var g = Graph.Valid();
        g.Rentals.Add(new Rental { RentalId = 2, RentalDate = new DateTime(1899, 12, 31, 0, 0, 0, DateTimeKind.Utc), InventoryId = 1, CustomerId = 1, StaffId = 1 });
        g.Rentals.Add(new Rental { RentalId = 3, RentalDate = T0, InventoryId = 1, CustomerId = 1, StaffId = 9 });
        g.Payments.Add(new Payment { PaymentId = 2, RentalId = 3, CustomerId = 1, StaffId = 9, Amount = 1m, PaymentDate = T0 });
        g.WithGoldDimensions();

        var rentals = TransformRunner.RunInMemory(new FactRentalTransform(), g.Sources(), Context);
        var payments = TransformRunner.RunInMemory(new FactPaymentTransform(), g.Sources(), Context);

        Assert.Equal([1], rentals.Rows.Select(r => r.RentalId));
        Assert.Equal([("2", "unknown_customer_version"), ("3", "unknown_staff")], rentals.Quarantined.Select(q => (q.Key, q.Rule)).Order());
        Assert.Equal(("2", "unknown_staff"), payments.Quarantined.Select(q => (q.Key, q.Rule)).Single());
        Assert.Equal(3, rentals.RowsRead);
    }

    [Fact]
    public void Fact_payment_takes_the_store_of_the_rentals_inventory_item_and_the_customer_version_at_the_payment_date()
    {
        var g = Graph.Valid();
        g.Payments.Add(new Payment { PaymentId = 2, RentalId = 1, CustomerId = 1, StaffId = 1, Amount = 4.99m, PaymentDate = Change.AddHours(1) });
        g.Payments.Add(new Payment { PaymentId = 3, RentalId = 1, CustomerId = 1, StaffId = 1, Amount = 9.99m, PaymentDate = T0, InactivatedDate = Change });
        g.WithGoldDimensions(versions:
        [
            new DimCustomer { CustomerKey = 10, CustomerId = 1, ValidFrom = new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc), ValidTo = Change },
            new DimCustomer { CustomerKey = 11, CustomerId = 1, ValidFrom = Change, IsCurrent = true },
        ]);

        var payments = TransformRunner.RunInMemory(new FactPaymentTransform(), g.Sources(), Context).Rows.ToDictionary(p => p.PaymentId);

        Assert.Equal([1, 2], payments.Keys.Order());
        Assert.Equal((10L, 200L, 300L, 1, 2.99m, 20220214), (payments[1].CustomerKey, payments[1].StoreKey, payments[1].StaffKey, payments[1].RentalId, payments[1].Amount, payments[1].PaymentDateKey));
        Assert.Equal(11L, payments[2].CustomerKey);
    }

    /// <summary>A minimal, valid silver graph (one row per table) and optionally the gold dimensions the facts look up.</summary>
    private sealed class Graph
    {
        public List<Country> Countries { get; } = [];
        public List<City> Cities { get; } = [];
        public List<Address> Addresses { get; } = [];
        public List<Language> Languages { get; } = [];
        public List<Category> Categories { get; } = [];
        public List<Film> Films { get; } = [];
        public List<FilmActor> FilmActors { get; } = [];
        public List<FilmCategory> FilmCategories { get; } = [];
        public List<Store> Stores { get; } = [];
        public List<Staff> Staff { get; } = [];
        public List<Customer> Customers { get; } = [];
        public List<Inventory> Inventory { get; } = [];
        public List<Rental> Rentals { get; } = [];
        public List<Payment> Payments { get; } = [];
        public List<DimCustomer> DimCustomers { get; } = [];
        public List<DimFilm> DimFilms { get; } = [];
        public List<DimStore> DimStores { get; } = [];
        public List<DimStaff> DimStaff { get; } = [];

        public static Graph Valid()
        {
            var g = new Graph();
            g.Countries.Add(new Country { CountryId = 1, Name = "Chile" });
            g.Cities.Add(new City { CityId = 1, Name = "Santiago", CountryId = 1 });
            g.Addresses.Add(new Address { AddressId = 1, Line1 = "1 Main St", District = "Centro", CityId = 1, PostalCode = "123", Phone = "555" });
            g.Languages.Add(new Language { LanguageId = 1, Name = "English" });
            g.Categories.Add(new Category { CategoryId = 1, Name = "Drama" });
            g.Films.Add(new Film
            {
                FilmId = 1, Title = "Academy Dinosaur", LanguageId = 1, RentalDuration = 3, RentalRate = 0.99m, Length = 86, ReplacementCost = 20.99m,
                Rating = "PG", SpecialFeatures = ["Trailers"],
            });
            g.FilmActors.Add(new FilmActor { ActorId = 1, FilmId = 1 });
            g.FilmCategories.Add(new FilmCategory { FilmId = 1, CategoryId = 1 });
            g.Stores.Add(new Store { StoreId = 1, ManagerStaffId = 1, AddressId = 1 });
            g.Staff.Add(new Staff { StaffId = 1, FirstName = "Mike", LastName = "Hillyer", AddressId = 1, Email = "mike@example.org", StoreId = 1, IsActive = true, Username = "mike" });
            g.Customers.Add(new Customer
            {
                CustomerId = 1, StoreId = 1, FirstName = "Mary", LastName = "Smith", Email = "mary@example.org", AddressId = 1, IsActive = true, CreateDate = new DateOnly(2022, 2, 14),
            });
            g.Inventory.Add(new Inventory { InventoryId = 1, FilmId = 1, StoreId = 1 });
            g.Rentals.Add(new Rental { RentalId = 1, RentalDate = T0, InventoryId = 1, CustomerId = 1, StaffId = 1, ReturnDate = T0.AddHours(60) });
            g.Payments.Add(new Payment { PaymentId = 1, CustomerId = 1, StaffId = 1, RentalId = 1, Amount = 2.99m, PaymentDate = T0.AddHours(1) });
            return g;
        }

        /// <summary>Gold dimension rows as a previous step would have left them (customer: one version valid from the beginning of time).</summary>
        public void WithGoldDimensions(IEnumerable<DimCustomer>? versions = null)
        {
            DimCustomers.AddRange(versions ?? [new DimCustomer { CustomerKey = 10, CustomerId = 1, ValidFrom = new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc), IsCurrent = true }]);
            DimFilms.Add(new DimFilm { FilmKey = 100, FilmId = 1 });
            DimStores.Add(new DimStore { StoreKey = 200, StoreId = 1 });
            DimStaff.Add(new DimStaff { StaffKey = 300, StaffId = 1 });
        }

        public InMemorySources Sources() =>
            new InMemorySources()
                .Add(Countries).Add(Cities).Add(Addresses).Add(Languages).Add(Categories).Add(Films).Add(FilmActors).Add(FilmCategories)
                .Add(Stores).Add(Staff).Add(Customers).Add(Inventory).Add(Rentals).Add(Payments)
                .Add(DimCustomers).Add(DimFilms).Add(DimStores).Add(DimStaff)
                .Add(FilmCategoryNames.For(FilmCategories, Categories))
                .Add(PagilaDays(Rentals, Payments));
    }

    // The in-memory twin of CalendarDates.sql: live rental, return and payment dates.
    private static IReadOnlyList<CalendarDay> PagilaDays(IEnumerable<Rental> rentals, IEnumerable<Payment> payments)
    {
        var live = rentals.Where(r => r.InactivatedDate == null).ToList();
        return CalendarDay.Between(live.Select(r => r.RentalDate)
            .Concat(live.Where(r => r.ReturnDate != null).Select(r => r.ReturnDate!.Value))
            .Concat(payments.Where(p => p.InactivatedDate == null).Select(p => p.PaymentDate)));
    }
}
