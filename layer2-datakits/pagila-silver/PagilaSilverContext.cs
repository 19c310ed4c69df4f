using DataPlatform.Datakits.Pagila.Silver;
using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;

[assembly: Datakit("pagila", DatakitLayer.Silver, typeof(PagilaSilverContext))]

namespace DataPlatform.Datakits.Pagila.Silver;

/// <summary>
/// The Pagila silver layer (<c>sl__pagila</c>): current state of the 15 Pagila tables, one row per natural key,
/// trimmed and conformed, with primary and foreign keys enforced. Every table has the reference mixin
/// (<c>inactivated_date</c>: source deletes become soft deletes); business entities also carry the transactional
/// mixin (<c>created_at</c>, <c>updated_at</c>). Keys and foreign keys are configured in <c>Configuration/</c>.
/// </summary>
public sealed class PagilaSilverContext(DbContextOptions<PagilaSilverContext> options) : DatakitDbContext(options)
{
    /// <summary>Countries.</summary>
    public DbSet<Country> Countries => Set<Country>();

    /// <summary>Cities.</summary>
    public DbSet<City> Cities => Set<City>();

    /// <summary>Addresses.</summary>
    public DbSet<Address> Addresses => Set<Address>();

    /// <summary>Languages.</summary>
    public DbSet<Language> Languages => Set<Language>();

    /// <summary>Categories.</summary>
    public DbSet<Category> Categories => Set<Category>();

    /// <summary>Actors.</summary>
    public DbSet<Actor> Actors => Set<Actor>();

    /// <summary>Films.</summary>
    public DbSet<Film> Films => Set<Film>();

    /// <summary>Film–actor links.</summary>
    public DbSet<FilmActor> FilmActors => Set<FilmActor>();

    /// <summary>Film–category links.</summary>
    public DbSet<FilmCategory> FilmCategories => Set<FilmCategory>();

    /// <summary>Stores.</summary>
    public DbSet<Store> Stores => Set<Store>();

    /// <summary>Staff.</summary>
    public DbSet<Staff> Staff => Set<Staff>();

    /// <summary>Customers.</summary>
    public DbSet<Customer> Customers => Set<Customer>();

    /// <summary>Inventory items.</summary>
    public DbSet<Inventory> Inventory => Set<Inventory>();

    /// <summary>Rentals.</summary>
    public DbSet<Rental> Rentals => Set<Rental>();

    /// <summary>Payments.</summary>
    public DbSet<Payment> Payments => Set<Payment>();

    /// <summary>Creates a context on a PostgreSQL connection string.</summary>
    public static PagilaSilverContext Create(string connectionString) =>
        new(new DbContextOptionsBuilder<PagilaSilverContext>().UseNpgsql(connectionString).Options);
}
