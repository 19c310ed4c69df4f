using DataPlatform.Framework.TestData;
using System.Text.RegularExpressions;
using DataPlatform.Datakits.Pagila.Source;
using DataPlatform.Datakits.Pagila.Source.Generation;
using DataPlatform.Datakits.Pagila.Tests.Support;

namespace DataPlatform.Datakits.Pagila.Tests.Source;

public sealed partial class PagilaGeneratorTests
{
    [Fact]
    public void Same_seed_gives_identical_data_and_another_seed_does_not()
    {
        var options = new PagilaGeneratorOptions { Seed = 7, Scale = 0.05, DirtyRate = 0.02 };

        var first = new GeneratedRows(new PagilaGenerator(options)).Fingerprint();
        var second = new GeneratedRows(new PagilaGenerator(options)).Fingerprint();
        var otherSeed = new GeneratedRows(new PagilaGenerator(options with { Seed = 8 })).Fingerprint();

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void Scale_1_counts_are_within_5_percent_of_the_real_pagila()
    {
        var rows = new GeneratedRows(new PagilaGenerator(new PagilaGeneratorOptions { Seed = 1 }));

        foreach (var (table, real) in PagilaTables.RealRowCounts)
        {
            var generated = rows.Counts[table];
            Assert.True(Math.Abs(generated - real) <= real * 0.05, $"{table}: generated {generated}, real {real}");
        }

        Assert.Equal(0, rows.Stores.Min(s => s.StoreId));
        Assert.Equal(0, rows.Staff.Min(s => s.StaffId));
    }

    [Fact]
    public void Larger_scales_multiply_the_transactional_tables_only()
    {
        var generator = new PagilaGenerator(new PagilaGeneratorOptions { Scale = 10 });

        Assert.Equal(160_440, generator.RowCounts[PagilaTables.Rental]);
        Assert.Equal(160_490, generator.RowCounts[PagilaTables.Payment]);
        Assert.Equal(45_810, generator.RowCounts[PagilaTables.Inventory]);
        Assert.Equal(5_990, generator.RowCounts[PagilaTables.Customer]);
        Assert.Equal(1_000, generator.RowCounts[PagilaTables.Film]);
        Assert.Equal(1_500, generator.RowCounts[PagilaTables.Staff]);
    }

    [Fact]
    public void At_dirty_rate_0_every_reference_resolves_and_nothing_is_planted()
    {
        var generator = new PagilaGenerator(new PagilaGeneratorOptions { Seed = 3, Scale = 0.3 });
        var rows = new GeneratedRows(generator);

        Assert.Empty(generator.Report.Defects);
        Assert.All(CountDefects(rows), found => Assert.Equal(0, found.Count));
    }

    [Fact]
    public void Planted_bad_rows_per_table_column_and_kind_match_the_report()
    {
        var generator = new PagilaGenerator(new PagilaGeneratorOptions { Seed = 11, Scale = 0.2, DirtyRate = 0.03 });
        var rows = new GeneratedRows(generator);
        var found = CountDefects(rows);

        foreach (var defect in found)
        {
            Assert.True(
                generator.Report.CountOf(defect.Table, defect.Column, defect.Kind) == defect.Count,
                $"{defect.Table}.{defect.Column} {defect.Kind}: found {defect.Count}, reported {generator.Report.CountOf(defect.Table, defect.Column, defect.Kind)}");
        }

        // Every reported entry is one the scan checks, every kind is planted, and rates are honoured: round(rows × r).
        Assert.Equal(generator.Report.Total, found.Sum(f => f.Count));
        foreach (var kind in Enum.GetValues<DefectKind>())
        {
            Assert.True(generator.Report.CountOf(kind) > 0, $"no {kind} planted");
        }

        Assert.Equal((int)Math.Round(rows.Rentals.Count * 0.03, MidpointRounding.AwayFromZero), generator.Report.CountOf("rental", "return_date", DefectKind.ReturnBeforeRental));
        Assert.Equal(generator.Report.CountOf(DefectKind.NegativePaymentAmount), rows.Payments.Count(p => p.Amount < 0));
    }

    [Fact]
    public void Each_bad_row_carries_exactly_one_defect()
    {
        var generator = new PagilaGenerator(new PagilaGeneratorOptions { Seed = 5, Scale = 0.1, DirtyRate = 0.05 });
        var rows = new GeneratedRows(generator);
        var customers = rows.Customers.Select(c => c.CustomerId).ToHashSet();
        var addresses = rows.Addresses.Select(a => a.AddressId).ToHashSet();
        var stores = rows.Stores.Select(s => s.StoreId).ToHashSet();

        var badCustomers = rows.Customers.Count(c =>
            (string.IsNullOrWhiteSpace(c.FirstName) ? 1 : 0) + (stores.Contains(c.StoreId) ? 0 : 1)
            + (addresses.Contains(c.AddressId) ? 0 : 1) + (IsEmail(c.Email) ? 0 : 1) > 1);

        Assert.Equal(0, badCustomers);
        Assert.Equal(generator.Report.CountIn("customer"), rows.Customers.Count(c =>
            string.IsNullOrWhiteSpace(c.FirstName) || !stores.Contains(c.StoreId) || !addresses.Contains(c.AddressId) || !IsEmail(c.Email)));
        Assert.DoesNotContain(customers, id => id <= 0);
    }

    internal static List<PlantedDefect<DefectKind>> CountDefects(GeneratedRows rows)
    {
        var countries = rows.Countries.Select(x => x.CountryId).ToHashSet();
        var cities = rows.Cities.Select(x => x.CityId).ToHashSet();
        var addresses = rows.Addresses.Select(x => x.AddressId).ToHashSet();
        var languages = rows.Languages.Select(x => x.LanguageId).ToHashSet();
        var categories = rows.Categories.Select(x => x.CategoryId).ToHashSet();
        var actors = rows.Actors.Select(x => x.ActorId).ToHashSet();
        var films = rows.Films.Select(x => x.FilmId).ToHashSet();
        var stores = rows.Stores.Select(x => x.StoreId).ToHashSet();
        var staff = rows.Staff.Select(x => x.StaffId).ToHashSet();
        var customers = rows.Customers.Select(x => x.CustomerId).ToHashSet();
        var inventory = rows.Inventory.Select(x => x.InventoryId).ToHashSet();
        var rentals = rows.Rentals.Select(x => x.RentalId).ToHashSet();

        static PlantedDefect<DefectKind> Found<T>(string table, string column, DefectKind kind, IEnumerable<T> source, Func<T, bool> bad) =>
            new(table, column, kind, source.Count(bad));

        return
        [
            Found("actor", "first_name", DefectKind.BlankRequiredName, rows.Actors, x => string.IsNullOrWhiteSpace(x.FirstName)),
            Found("address", "city_id", DefectKind.OrphanReference, rows.Addresses, x => !cities.Contains(x.CityId)),
            Found("category", "name", DefectKind.BlankRequiredName, rows.Categories, x => string.IsNullOrWhiteSpace(x.Name)),
            Found("city", "city", DefectKind.BlankRequiredName, rows.Cities, x => string.IsNullOrWhiteSpace(x.CityName)),
            Found("city", "country_id", DefectKind.OrphanReference, rows.Cities, x => !countries.Contains(x.CountryId)),
            Found("country", "country", DefectKind.BlankRequiredName, rows.Countries, x => string.IsNullOrWhiteSpace(x.CountryName)),
            Found("customer", "first_name", DefectKind.BlankRequiredName, rows.Customers, x => string.IsNullOrWhiteSpace(x.FirstName)),
            Found("customer", "store_id", DefectKind.OrphanReference, rows.Customers, x => !stores.Contains(x.StoreId)),
            Found("customer", "address_id", DefectKind.OrphanReference, rows.Customers, x => !addresses.Contains(x.AddressId)),
            Found("customer", "email", DefectKind.MalformedEmail, rows.Customers, x => !IsEmail(x.Email)),
            Found("film", "title", DefectKind.BlankRequiredName, rows.Films, x => string.IsNullOrWhiteSpace(x.Title)),
            Found("film", "language_id", DefectKind.OrphanReference, rows.Films, x => !languages.Contains(x.LanguageId)),
            Found("film", "original_language_id", DefectKind.OrphanReference, rows.Films, x => x.OriginalLanguageId is { } l && !languages.Contains(l)),
            Found("film_actor", "actor_id", DefectKind.OrphanReference, rows.FilmActors, x => !actors.Contains(x.ActorId)),
            Found("film_actor", "film_id", DefectKind.OrphanReference, rows.FilmActors, x => !films.Contains(x.FilmId)),
            Found("film_category", "film_id", DefectKind.OrphanReference, rows.FilmCategories, x => !films.Contains(x.FilmId)),
            Found("film_category", "category_id", DefectKind.OrphanReference, rows.FilmCategories, x => !categories.Contains(x.CategoryId)),
            Found("inventory", "film_id", DefectKind.OrphanReference, rows.Inventory, x => !films.Contains(x.FilmId)),
            Found("inventory", "store_id", DefectKind.OrphanReference, rows.Inventory, x => !stores.Contains(x.StoreId)),
            Found("language", "name", DefectKind.BlankRequiredName, rows.Languages, x => string.IsNullOrWhiteSpace(x.Name)),
            Found("payment", "customer_id", DefectKind.OrphanReference, rows.Payments, x => !customers.Contains(x.CustomerId)),
            Found("payment", "staff_id", DefectKind.OrphanReference, rows.Payments, x => !staff.Contains(x.StaffId)),
            Found("payment", "rental_id", DefectKind.OrphanReference, rows.Payments, x => !rentals.Contains(x.RentalId)),
            Found("payment", "amount", DefectKind.NegativePaymentAmount, rows.Payments, x => x.Amount < 0),
            Found("rental", "inventory_id", DefectKind.OrphanReference, rows.Rentals, x => !inventory.Contains(x.InventoryId)),
            Found("rental", "customer_id", DefectKind.OrphanReference, rows.Rentals, x => !customers.Contains(x.CustomerId)),
            Found("rental", "staff_id", DefectKind.OrphanReference, rows.Rentals, x => !staff.Contains(x.StaffId)),
            Found("rental", "return_date", DefectKind.ReturnBeforeRental, rows.Rentals, x => x.ReturnDate < x.RentalDate),
            Found("staff", "first_name", DefectKind.BlankRequiredName, rows.Staff, x => string.IsNullOrWhiteSpace(x.FirstName)),
            Found("staff", "address_id", DefectKind.OrphanReference, rows.Staff, x => !addresses.Contains(x.AddressId)),
            Found("staff", "store_id", DefectKind.OrphanReference, rows.Staff, x => !stores.Contains(x.StoreId)),
            Found("staff", "email", DefectKind.MalformedEmail, rows.Staff, x => !IsEmail(x.Email)),
            Found("store", "manager_staff_id", DefectKind.OrphanReference, rows.Stores, x => !staff.Contains(x.ManagerStaffId)),
            Found("store", "address_id", DefectKind.OrphanReference, rows.Stores, x => !addresses.Contains(x.AddressId)),
        ];
    }

    // The silver rule (DESIGN.md §4): local@domain.tld.
    private static bool IsEmail(string? email) => email is not null && EmailPattern().IsMatch(email);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
