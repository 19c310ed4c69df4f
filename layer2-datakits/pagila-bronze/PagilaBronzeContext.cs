using DataPlatform.Datakits.Pagila.Bronze;
using DataPlatform.Datakits.Pagila.Bronze.Entities;
using DataPlatform.Framework.Datakits;
using DataPlatform.Framework.Mixins;
using Microsoft.EntityFrameworkCore;

[assembly: Datakit("pagila", DatakitLayer.Bronze, typeof(PagilaBronzeContext), SourceSchema = "public")]

namespace DataPlatform.Datakits.Pagila.Bronze;

/// <summary>
/// The Pagila bronze layer (<c>br__pagila__public</c>): the 15 source tables, append-only, one row per extracted source
/// row per batch, typed like the source with lenient nullability (only the source key is required), no foreign keys and
/// no index at all, so an append costs the server little more than a plain <c>COPY</c> into a heap. The entities are
/// keyless for EF Core (bronze is read, never tracked); a row is identified by (source key, <c>dp_batch_id</c>), which the
/// extractor keeps unique. Every reader scans and hashes: silver's "latest version per key" is a hash anti-join and its
/// orphan checks are hashed <c>IN (SELECT …)</c> probes, so no reader needs an index (a B-tree on (source key,
/// <c>dp_batch_id</c>) doubled the server's cost of an append). Filled by the framework's extraction engine as declared in
/// <see cref="PagilaBronze.Layer"/>. The entities are <c>[BronzeOf]</c> mirrors of the source contract and
/// <see cref="BronzeContext"/> maps them from <c>PagilaSourceContext</c>'s model, so this context declares only its tables.
/// </summary>
public sealed class PagilaBronzeContext(DbContextOptions options) : BronzeContext(options)
{
    /// <summary><c>actor</c>.</summary>
    public DbSet<Actor> Actors => Set<Actor>();

    /// <summary><c>address</c>.</summary>
    public DbSet<Address> Addresses => Set<Address>();

    /// <summary><c>category</c>.</summary>
    public DbSet<Category> Categories => Set<Category>();

    /// <summary><c>city</c>.</summary>
    public DbSet<City> Cities => Set<City>();

    /// <summary><c>country</c>.</summary>
    public DbSet<Country> Countries => Set<Country>();

    /// <summary><c>customer</c>.</summary>
    public DbSet<Customer> Customers => Set<Customer>();

    /// <summary><c>film</c>.</summary>
    public DbSet<Film> Films => Set<Film>();

    /// <summary><c>film_actor</c>.</summary>
    public DbSet<FilmActor> FilmActors => Set<FilmActor>();

    /// <summary><c>film_category</c>.</summary>
    public DbSet<FilmCategory> FilmCategories => Set<FilmCategory>();

    /// <summary><c>inventory</c>.</summary>
    public DbSet<Inventory> Inventories => Set<Inventory>();

    /// <summary><c>language</c>.</summary>
    public DbSet<Language> Languages => Set<Language>();

    /// <summary><c>payment</c>.</summary>
    public DbSet<Payment> Payments => Set<Payment>();

    /// <summary><c>rental</c>.</summary>
    public DbSet<Rental> Rentals => Set<Rental>();

    /// <summary><c>staff</c> (without <c>password</c>).</summary>
    public DbSet<Staff> Staff => Set<Staff>();

    /// <summary><c>store</c>.</summary>
    public DbSet<Store> Stores => Set<Store>();

    /// <summary>Creates a context for a Npgsql connection string of the warehouse.</summary>
    public static PagilaBronzeContext Create(string connectionString) =>
        new(new DbContextOptionsBuilder<PagilaBronzeContext>()
            .UseNpgsql(connectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .Options);
}
