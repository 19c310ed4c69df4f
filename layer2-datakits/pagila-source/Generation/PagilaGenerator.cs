using System.Globalization;
using Bogus;
using DataPlatform.Datakits.Pagila.Source.Entities;
using DataPlatform.Framework.TestData;

namespace DataPlatform.Datakits.Pagila.Source.Generation;

/// <summary>
/// Generates a synthetic Pagila source, deterministic for a seed (<see cref="PagilaGeneratorOptions"/>). Each table is
/// an independent lazy stream (nothing is held in memory); names and addresses come from Bogus, references and dates
/// from a stateless per-row random function, so a table can be streamed alone and twice gives the same rows.
/// Scale 1 gives the real Pagila row counts; at dirty rate r (or with a handful of defects per slot) the generator plants
/// the bad rows listed in <see cref="Report"/>, and at dirty rate 0 every reference resolves. With a handful, references
/// avoid the bad rows (<see cref="DefectPlan{TKind}.ReferenceTo"/>), so only a bad film's links depend on a bad row. Ids
/// of <c>store</c> and <c>staff</c> start at 0, the other ids at 1.
/// </summary>
public sealed class PagilaGenerator
{
    private const string StaffPasswordHash = "8cb2237d0679ca88db6464eac60da96345513964";

    private static readonly DateTime s_catalogueUpdate = new(2022, 2, 15, 9, 34, 33, DateTimeKind.Utc);
    private static readonly DateTime s_customerUpdate = new(2022, 2, 15, 9, 57, 20, DateTimeKind.Utc);
    private static readonly DateTime s_staffUpdate = new(2022, 5, 16, 15, 13, 11, DateTimeKind.Utc);
    private static readonly DateTime s_rentalStart = new(2022, 2, 14, 15, 16, 3, DateTimeKind.Utc);
    private static readonly TimeSpan s_rentalSpan = new DateTime(2022, 8, 23, 21, 50, 12, DateTimeKind.Utc) - s_rentalStart;

    private static readonly string[] s_categories =
    [
        "Action", "Animation", "Children", "Classics", "Comedy", "Documentary", "Drama", "Family",
        "Foreign", "Games", "Horror", "Music", "New", "Sci-Fi", "Sports", "Travel",
    ];

    private static readonly string[] s_languages = ["English", "Italian", "Japanese", "Mandarin", "French", "German"];
    private static readonly string[] s_features = ["Trailers", "Commentaries", "Deleted Scenes", "Behind the Scenes"];
    private static readonly decimal[] s_rentalRates = [0.99m, 2.99m, 4.99m];
    private static readonly MpaaRating[] s_ratings = [MpaaRating.G, MpaaRating.PG, MpaaRating.PG13, MpaaRating.R, MpaaRating.NC17];

    private readonly Dictionary<string, DefectPlan<DefectKind>> _plans = new(StringComparer.Ordinal);
    private readonly int _seed;

    /// <summary>Creates a generator.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The scale is not positive or the dirty rate is outside [0, 1].</exception>
    public PagilaGenerator(PagilaGeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _seed = options.Seed;

        var counts = new Dictionary<string, int>(PagilaTables.RealRowCounts, StringComparer.Ordinal);
        foreach (var table in new[] { PagilaTables.Customer, PagilaTables.Address, PagilaTables.Inventory, PagilaTables.Rental, PagilaTables.Payment })
        {
            counts[table] = DirtyValues.Scaled(PagilaTables.RealRowCounts[table], options.Scale);
        }

        // Customer i lives at address i, so there are never fewer addresses than customers.
        counts[PagilaTables.Address] = Math.Max(counts[PagilaTables.Address], counts[PagilaTables.Customer]);
        RowCounts = counts;

        Plan(PagilaTables.Actor, ("first_name", DefectKind.BlankRequiredName));
        Plan(PagilaTables.Address, ("city_id", DefectKind.OrphanReference));
        Plan(PagilaTables.Category, ("name", DefectKind.BlankRequiredName));
        Plan(PagilaTables.City, ("city", DefectKind.BlankRequiredName), ("country_id", DefectKind.OrphanReference));
        Plan(PagilaTables.Country, ("country", DefectKind.BlankRequiredName));
        Plan(
            PagilaTables.Customer,
            ("first_name", DefectKind.BlankRequiredName),
            ("store_id", DefectKind.OrphanReference),
            ("address_id", DefectKind.OrphanReference),
            ("email", DefectKind.MalformedEmail));
        Plan(
            PagilaTables.Film,
            ("title", DefectKind.BlankRequiredName),
            ("language_id", DefectKind.OrphanReference),
            ("original_language_id", DefectKind.OrphanReference));
        Plan(PagilaTables.FilmActor, ("actor_id", DefectKind.OrphanReference), ("film_id", DefectKind.OrphanReference));
        Plan(PagilaTables.FilmCategory, ("film_id", DefectKind.OrphanReference), ("category_id", DefectKind.OrphanReference));
        Plan(PagilaTables.Inventory, ("film_id", DefectKind.OrphanReference), ("store_id", DefectKind.OrphanReference));
        Plan(PagilaTables.Language, ("name", DefectKind.BlankRequiredName));
        Plan(
            PagilaTables.Payment,
            ("customer_id", DefectKind.OrphanReference),
            ("staff_id", DefectKind.OrphanReference),
            ("rental_id", DefectKind.OrphanReference),
            ("amount", DefectKind.NegativePaymentAmount));
        Plan(
            PagilaTables.Rental,
            ("inventory_id", DefectKind.OrphanReference),
            ("customer_id", DefectKind.OrphanReference),
            ("staff_id", DefectKind.OrphanReference),
            ("return_date", DefectKind.ReturnBeforeRental));
        Plan(
            PagilaTables.Staff,
            ("first_name", DefectKind.BlankRequiredName),
            ("address_id", DefectKind.OrphanReference),
            ("store_id", DefectKind.OrphanReference),
            ("email", DefectKind.MalformedEmail));
        Plan(PagilaTables.Store, ("manager_staff_id", DefectKind.OrphanReference), ("address_id", DefectKind.OrphanReference));

        Report = new DirtyReport<DefectKind>(PagilaTables.All.Select(t => _plans[t]));
    }

    /// <summary>The options.</summary>
    public PagilaGeneratorOptions Options { get; }

    /// <summary>The number of rows each table's stream yields, by table name.</summary>
    public IReadOnlyDictionary<string, int> RowCounts { get; }

    /// <summary>The bad rows the streams contain, per table, column and kind (empty at dirty rate 0).</summary>
    public DirtyReport<DefectKind> Report { get; }

    private int Customers => RowCounts[PagilaTables.Customer];

    private int Addresses => RowCounts[PagilaTables.Address];

    private int Rentals => RowCounts[PagilaTables.Rental];

    /// <summary>Rows of <c>country</c>.</summary>
    public IEnumerable<Country> Countries()
    {
        var faker = Faker(PagilaTables.Country);
        var plan = _plans[PagilaTables.Country];
        for (var i = 0; i < RowCounts[PagilaTables.Country]; i++)
        {
            var name = faker.Address.Country();
            yield return new Country
            {
                CountryId = i + 1,
                CountryName = plan.Has(i, "country") ? DirtyValues.Blank(i) : name,
                LastUpdate = s_catalogueUpdate,
            };
        }
    }

    /// <summary>Rows of <c>city</c>.</summary>
    public IEnumerable<City> Cities()
    {
        var faker = Faker(PagilaTables.City);
        var plan = _plans[PagilaTables.City];
        for (var i = 0; i < RowCounts[PagilaTables.City]; i++)
        {
            var id = i + 1;
            var name = faker.Address.City();
            yield return new City
            {
                CityId = id,
                CityName = plan.Has(i, "city") ? DirtyValues.Blank(i) : name,
                CountryId = plan.Has(i, "country_id") ? DirtyValues.Orphan(i) : Reference(PagilaTables.Country, Row(PagilaTables.City, id).Int(1, 1, RowCounts[PagilaTables.Country] + 1)),
                LastUpdate = s_catalogueUpdate,
            };
        }
    }

    /// <summary>Rows of <c>address</c>.</summary>
    public IEnumerable<Address> AddressRows()
    {
        var faker = Faker(PagilaTables.Address);
        var plan = _plans[PagilaTables.Address];
        for (var i = 0; i < Addresses; i++)
        {
            var id = i + 1;
            var random = Row(PagilaTables.Address, id);
            var street = faker.Address.StreetAddress();
            var district = faker.Address.State();
            var postalCode = faker.Address.ZipCode("#####");
            var phone = faker.Phone.PhoneNumber("##########");
            yield return new Address
            {
                AddressId = id,
                AddressLine = street,
                Address2 = random.Int(2, 0, 10) == 0 ? string.Empty : null,
                District = district,
                CityId = plan.Has(i, "city_id") ? DirtyValues.Orphan(i) : Reference(PagilaTables.City, random.Int(1, 1, RowCounts[PagilaTables.City] + 1)),
                PostalCode = postalCode,
                Phone = phone,
                LastUpdate = s_catalogueUpdate,
            };
        }
    }

    /// <summary>Rows of <c>language</c>.</summary>
    public IEnumerable<Language> Languages()
    {
        var plan = _plans[PagilaTables.Language];
        for (var i = 0; i < RowCounts[PagilaTables.Language]; i++)
        {
            yield return new Language
            {
                LanguageId = i + 1,
                Name = plan.Has(i, "name") ? DirtyValues.Blank(i) : s_languages[i % s_languages.Length],
                LastUpdate = s_catalogueUpdate,
            };
        }
    }

    /// <summary>Rows of <c>category</c>.</summary>
    public IEnumerable<Category> Categories()
    {
        var plan = _plans[PagilaTables.Category];
        for (var i = 0; i < RowCounts[PagilaTables.Category]; i++)
        {
            yield return new Category
            {
                CategoryId = i + 1,
                Name = plan.Has(i, "name") ? DirtyValues.Blank(i) : s_categories[i % s_categories.Length],
                LastUpdate = s_catalogueUpdate,
            };
        }
    }

    /// <summary>Rows of <c>actor</c>.</summary>
    public IEnumerable<Actor> Actors()
    {
        var faker = Faker(PagilaTables.Actor);
        var plan = _plans[PagilaTables.Actor];
        for (var i = 0; i < RowCounts[PagilaTables.Actor]; i++)
        {
            var first = faker.Name.FirstName().ToUpperInvariant();
            var last = faker.Name.LastName().ToUpperInvariant();
            yield return new Actor
            {
                ActorId = i + 1,
                FirstName = plan.Has(i, "first_name") ? DirtyValues.Blank(i) : first,
                LastName = last,
                LastUpdate = s_catalogueUpdate,
            };
        }
    }

    /// <summary>Rows of <c>film</c> (<c>fulltext</c> is left to the source's trigger).</summary>
    public IEnumerable<Film> Films()
    {
        var faker = Faker(PagilaTables.Film);
        var plan = _plans[PagilaTables.Film];
        var languages = RowCounts[PagilaTables.Language];
        for (var i = 0; i < RowCounts[PagilaTables.Film]; i++)
        {
            var id = i + 1;
            var random = Row(PagilaTables.Film, id);
            var title = $"{faker.Hacker.Adjective()} {faker.Hacker.Noun()} {id.ToString(CultureInfo.InvariantCulture)}".ToUpperInvariant();
            var description = faker.Lorem.Sentence(8);
            var featureMask = random.Int(9, 1, 1 << s_features.Length);
            yield return new Film
            {
                FilmId = id,
                Title = plan.Has(i, "title") ? DirtyValues.Blank(i) : title,
                Description = description,
                ReleaseYear = random.Int(1, 2006, 2025),
                LanguageId = plan.Has(i, "language_id") ? DirtyValues.Orphan(i) : Reference(PagilaTables.Language, random.Double(2) < 0.8 ? 1 : random.Int(3, 1, languages + 1)),
                OriginalLanguageId = plan.Has(i, "original_language_id") ? DirtyValues.Orphan(i) : (random.Double(4) < 0.8 ? null : Reference(PagilaTables.Language, random.Int(5, 1, languages + 1))),
                RentalDuration = (short)random.Int(6, 3, 8),
                RentalRate = s_rentalRates[random.Int(7, 0, s_rentalRates.Length)],
                Length = (short)random.Int(8, 46, 186),
                ReplacementCost = random.Int(10, 9, 30) + 0.99m,
                Rating = s_ratings[random.Int(11, 0, s_ratings.Length)],
                LastUpdate = s_catalogueUpdate,
                SpecialFeatures = s_features.Where((_, bit) => (featureMask & (1 << bit)) != 0).ToArray(),
            };
        }
    }

    /// <summary>Rows of <c>film_actor</c>: every film gets the same number of actors, give or take one.</summary>
    public IEnumerable<FilmActor> FilmActors() =>
        FilmLinks(PagilaTables.FilmActor, RowCounts[PagilaTables.Actor], "actor_id")
            .Select(l => new FilmActor { FilmId = l.FilmId, ActorId = l.OtherId, LastUpdate = s_catalogueUpdate });

    /// <summary>Rows of <c>film_category</c>: every film gets the same number of categories, give or take one.</summary>
    public IEnumerable<FilmCategory> FilmCategories() =>
        FilmLinks(PagilaTables.FilmCategory, RowCounts[PagilaTables.Category], "category_id")
            .Select(l => new FilmCategory { FilmId = l.FilmId, CategoryId = l.OtherId, LastUpdate = s_catalogueUpdate });

    /// <summary>Rows of <c>store</c> (ids from 0); the manager of store <c>i</c> is staff <c>i</c>.</summary>
    public IEnumerable<Store> Stores()
    {
        var plan = _plans[PagilaTables.Store];
        for (var i = 0; i < RowCounts[PagilaTables.Store]; i++)
        {
            yield return new Store
            {
                StoreId = i,
                ManagerStaffId = plan.Has(i, "manager_staff_id") ? DirtyValues.Orphan(i) : i % RowCounts[PagilaTables.Staff],
                AddressId = plan.Has(i, "address_id") ? DirtyValues.Orphan(i) : Reference(PagilaTables.Address, Row(PagilaTables.Store, i).Int(1, 1, Addresses + 1)),
                LastUpdate = s_catalogueUpdate,
            };
        }
    }

    /// <summary>Rows of <c>staff</c> (ids from 0); staff <c>i</c> works in store <c>i mod stores</c>.</summary>
    public IEnumerable<Staff> StaffMembers()
    {
        var faker = Faker(PagilaTables.Staff);
        var plan = _plans[PagilaTables.Staff];
        for (var i = 0; i < RowCounts[PagilaTables.Staff]; i++)
        {
            var random = Row(PagilaTables.Staff, i);
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var domain = faker.Internet.DomainWord();
            var email = $"{Letters(last)}{i.ToString(CultureInfo.InvariantCulture)}@{domain}.com".ToLowerInvariant();
            yield return new Staff
            {
                StaffId = i,
                FirstName = plan.Has(i, "first_name") ? DirtyValues.Blank(i) : first,
                LastName = last,
                AddressId = plan.Has(i, "address_id") ? DirtyValues.Orphan(i) : Reference(PagilaTables.Address, random.Int(1, 1, Addresses + 1)),
                Email = plan.Has(i, "email") ? DirtyValues.MalformedEmail(email, i) : email,
                StoreId = plan.Has(i, "store_id") ? DirtyValues.Orphan(i) : Reference(PagilaTables.Store, i % RowCounts[PagilaTables.Store], firstId: 0),
                Active = true,
                Username = $"{Letters(first)}.{Letters(last)}".ToLowerInvariant(),
                Password = StaffPasswordHash,
                LastUpdate = s_staffUpdate,
                Picture = i % 100 == 0 ? BitConverter.GetBytes(random.Next(2)) : null,
            };
        }
    }

    /// <summary>Rows of <c>customer</c>; customer <c>i</c> lives at address <c>i</c>.</summary>
    public IEnumerable<Customer> CustomerRows()
    {
        var faker = Faker(PagilaTables.Customer);
        var plan = _plans[PagilaTables.Customer];
        for (var i = 0; i < Customers; i++)
        {
            var id = i + 1;
            var random = Row(PagilaTables.Customer, id);
            var first = faker.Name.FirstName().ToUpperInvariant();
            var last = faker.Name.LastName().ToUpperInvariant();
            var email = $"{Letters(first)}.{Letters(last)}@sakilacustomer.org";
            var active = random.Double(1) >= 0.025;
            yield return new Customer
            {
                CustomerId = id,
                StoreId = plan.Has(i, "store_id") ? DirtyValues.Orphan(i) : Reference(PagilaTables.Store, random.Int(2, 0, RowCounts[PagilaTables.Store]), firstId: 0),
                FirstName = plan.Has(i, "first_name") ? DirtyValues.Blank(i) : first,
                LastName = last,
                Email = plan.Has(i, "email") ? DirtyValues.MalformedEmail(email, i) : email,
                AddressId = plan.Has(i, "address_id") ? DirtyValues.Orphan(i) : Reference(PagilaTables.Address, id),
                Activebool = true,
                CreateDate = new DateOnly(2022, 2, 14),
                LastUpdate = s_customerUpdate,
                Active = active ? 1 : 0,
            };
        }
    }

    /// <summary>Rows of <c>inventory</c>.</summary>
    public IEnumerable<Inventory> InventoryRows()
    {
        var plan = _plans[PagilaTables.Inventory];
        for (var i = 0; i < RowCounts[PagilaTables.Inventory]; i++)
        {
            var id = i + 1;
            var random = Row(PagilaTables.Inventory, id);
            yield return new Inventory
            {
                InventoryId = id,
                FilmId = plan.Has(i, "film_id") ? DirtyValues.Orphan(i) : Reference(PagilaTables.Film, random.Int(1, 1, RowCounts[PagilaTables.Film] + 1)),
                StoreId = plan.Has(i, "store_id") ? DirtyValues.Orphan(i) : Reference(PagilaTables.Store, random.Int(2, 0, RowCounts[PagilaTables.Store]), firstId: 0),
                LastUpdate = s_catalogueUpdate,
            };
        }
    }

    /// <summary>Rows of <c>rental</c>, in rental-date order; about 1 % are not returned yet.</summary>
    public IEnumerable<Rental> RentalRows()
    {
        var plan = _plans[PagilaTables.Rental];
        for (var i = 0; i < Rentals; i++)
        {
            var id = i + 1;
            var clean = CleanRental(id);
            if (plan.Has(i, "return_date"))
            {
                clean.ReturnDate = clean.RentalDate - TimeSpan.FromMinutes(Row(PagilaTables.Rental, id).Int(9, 60, 72 * 60));
            }

            clean.InventoryId = plan.Has(i, "inventory_id") ? DirtyValues.Orphan(i) : clean.InventoryId;
            clean.CustomerId = plan.Has(i, "customer_id") ? DirtyValues.Orphan(i) : clean.CustomerId;
            clean.StaffId = plan.Has(i, "staff_id") ? DirtyValues.Orphan(i) : clean.StaffId;
            yield return clean;
        }
    }

    /// <summary>Rows of <c>payment</c>: payment <c>p</c> pays rental <c>((p − 1) mod rentals) + 1</c> (with a handful, the next good rental when that one is bad), by its customer.</summary>
    public IEnumerable<Payment> Payments()
    {
        var plan = _plans[PagilaTables.Payment];
        for (var i = 0; i < RowCounts[PagilaTables.Payment]; i++)
        {
            var id = i + 1;
            var random = Row(PagilaTables.Payment, id);
            var rental = CleanRental(Reference(PagilaTables.Rental, (i % Rentals) + 1));
            var amount = random.Int(1, 0, 11) + 0.99m;
            yield return new Payment
            {
                PaymentId = id,
                CustomerId = plan.Has(i, "customer_id") ? DirtyValues.Orphan(i) : rental.CustomerId,
                StaffId = plan.Has(i, "staff_id") ? DirtyValues.Orphan(i) : rental.StaffId,
                RentalId = plan.Has(i, "rental_id") ? DirtyValues.Orphan(i) : rental.RentalId,
                Amount = plan.Has(i, "amount") ? -amount : amount,
                PaymentDate = rental.RentalDate.AddSeconds(random.Int(2, 60, 3 * 24 * 3600)),
            };
        }
    }

    private static string Letters(string name) => new(name.Where(char.IsAsciiLetter).ToArray());

    private RowRandom Row(string table, long id) => RowRandom.For(_seed, table, id);

    private Faker Faker(string table) => RowRandom.Faker(_seed, table);

    private void Plan(string table, params (string Column, DefectKind Kind)[] slots) =>
        _plans[table] = Options.DefectsPerSlot is { } handful
            ? DefectPlan<DefectKind>.Handful(table, RowCounts[table], handful, _seed, slots)
            : new DefectPlan<DefectKind>(table, RowCounts[table], Options.DirtyRate, _seed, slots);

    // A generated reference to row id of table: with a handful of defects, moved off the table's bad rows.
    private int Reference(string table, int id, int firstId = 1) => _plans[table].ReferenceTo(id - firstId) + firstId;

    private Rental CleanRental(int id)
    {
        var random = Row(PagilaTables.Rental, id);
        var rentalDate = s_rentalStart
            + TimeSpan.FromSeconds(Math.Floor(s_rentalSpan.TotalSeconds * (id - 1) / Rentals))
            + TimeSpan.FromSeconds(random.Int(1, 0, 600));
        DateTime? returnDate = random.Double(2) < 0.0114 ? null : rentalDate.AddMinutes(random.Int(3, 12 * 60, 10 * 24 * 60));
        return new Rental
        {
            RentalId = id,
            RentalDate = rentalDate,
            InventoryId = Reference(PagilaTables.Inventory, random.Int(4, 1, RowCounts[PagilaTables.Inventory] + 1)),
            CustomerId = Reference(PagilaTables.Customer, random.Int(5, 1, Customers + 1)),
            ReturnDate = returnDate,
            StaffId = Reference(PagilaTables.Staff, random.Int(6, 0, RowCounts[PagilaTables.Staff]), firstId: 0),
            LastUpdate = (returnDate ?? rentalDate).AddSeconds(1),
        };
    }

    private IEnumerable<(int FilmId, int OtherId)> FilmLinks(string table, int others, string otherColumn)
    {
        var plan = _plans[table];
        var films = RowCounts[PagilaTables.Film];
        var total = RowCounts[table];
        var perFilm = total / films;
        var extra = total % films;
        var index = 0;
        var picked = new HashSet<int>();
        for (var film = 1; film <= films; film++)
        {
            var random = Row(table, film);
            var count = Math.Min(others, perFilm + (((film - 1) * 7919 % films) < extra ? 1 : 0));
            picked.Clear();
            var attempt = 0;
            while (picked.Count < count)
            {
                picked.Add(Reference(table == PagilaTables.FilmActor ? PagilaTables.Actor : PagilaTables.Category, random.Int(attempt++, 1, others + 1)));
            }

            foreach (var other in picked.Order())
            {
                var filmId = plan.Has(index, "film_id") ? DirtyValues.Orphan(index) : film;
                var otherId = plan.Has(index, otherColumn) ? DirtyValues.Orphan(index) : other;
                index++;
                yield return (filmId, otherId);
            }
        }
    }
}
