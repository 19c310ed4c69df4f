using DataPlatform.Datakits.Pagila.Bronze;
using DataPlatform.Datakits.Pagila.Bronze.Entities;
using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

[assembly: Datakit("pagila", DatakitLayer.Bronze, typeof(PagilaBronzeContext), SourceSchema = "public")]

namespace DataPlatform.Datakits.Pagila.Bronze;

/// <summary>
/// The Pagila bronze layer (<c>br__pagila__public</c>): the 15 source tables, append-only, one row per extracted source
/// row per batch, typed like the source with lenient nullability (only the source key is required), no foreign keys and
/// no index at all, so an append costs the server little more than a plain <c>COPY</c> into a heap. The entities are
/// keyless for EF Core (bronze is read, never tracked); a row is identified by (source key, <c>dp_batch_id</c>), which the
/// extractor keeps unique. Every reader scans and hashes: silver's "latest version per key" is a hash anti-join and its
/// orphan checks are hashed <c>IN (SELECT …)</c> probes, so no reader needs an index (a B-tree on (source key,
/// <c>dp_batch_id</c>) doubled the server's cost of an append). Filled by <see cref="PagilaBronzeExtractor"/>.
/// </summary>
public sealed class PagilaBronzeContext(DbContextOptions options) : DatakitDbContext(options)
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

    /// <summary>The entity annotation holding the source key's property names (comma-separated), e.g. <c>ActorId,FilmId</c>.</summary>
    internal const string SourceKeyAnnotation = "DataPlatform:Pagila:BronzeSourceKey";

    /// <summary>Creates a context for a Npgsql connection string of the warehouse.</summary>
    public static PagilaBronzeContext Create(string connectionString) =>
        new(new DbContextOptionsBuilder<PagilaBronzeContext>()
            .UseNpgsql(connectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .Options);

    /// <inheritdoc />
    protected override void ConfigureLayer(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        Record<Actor>(modelBuilder, e => new { e.ActorId, e.DpBatchId });
        Record<Address>(modelBuilder, e => new { e.AddressId, e.DpBatchId }).Property(e => e.AddressLine).HasColumnName("address");
        Record<Category>(modelBuilder, e => new { e.CategoryId, e.DpBatchId });
        Record<City>(modelBuilder, e => new { e.CityId, e.DpBatchId }).Property(e => e.CityName).HasColumnName("city");
        Record<Country>(modelBuilder, e => new { e.CountryId, e.DpBatchId }).Property(e => e.CountryName).HasColumnName("country");
        Record<Customer>(modelBuilder, e => new { e.CustomerId, e.DpBatchId }).Property(e => e.CreateDate).HasColumnType("date");

        var film = Record<Film>(modelBuilder, e => new { e.FilmId, e.DpBatchId });
        film.Property(e => e.RentalRate).HasColumnType("numeric(4,2)");
        film.Property(e => e.ReplacementCost).HasColumnType("numeric(5,2)");
        film.Property(e => e.Rating).HasColumnType("text");
        film.Property(e => e.SpecialFeatures).HasColumnType("text[]");

        Record<FilmActor>(modelBuilder, e => new { e.ActorId, e.FilmId, e.DpBatchId });
        Record<FilmCategory>(modelBuilder, e => new { e.FilmId, e.CategoryId, e.DpBatchId });
        Record<Inventory>(modelBuilder, e => new { e.InventoryId, e.DpBatchId });
        Record<Language>(modelBuilder, e => new { e.LanguageId, e.DpBatchId }).Property(e => e.Name).HasColumnType("character(20)");
        Record<Payment>(modelBuilder, e => new { e.PaymentId, e.DpBatchId }).Property(e => e.Amount).HasColumnType("numeric(5,2)");
        Record<Rental>(modelBuilder, e => new { e.RentalId, e.DpBatchId });
        Record<Staff>(modelBuilder, e => new { e.StaffId, e.DpBatchId }).Property(e => e.Picture).HasColumnType("bytea");
        Record<Store>(modelBuilder, e => new { e.StoreId, e.DpBatchId });
    }

    // A row's identity is (source key, dp_batch_id); the source key (in order, without dp_batch_id) is kept as a model
    // annotation for the extractor. No key and no index are created in the database.
    private static EntityTypeBuilder<T> Record<T>(ModelBuilder modelBuilder, System.Linq.Expressions.Expression<Func<T, object?>> keyAndBatch)
        where T : BronzeRecord
    {
        var entity = modelBuilder.Entity<T>();
        entity.HasNoKey();
        var sourceKey = ((System.Linq.Expressions.NewExpression)keyAndBatch.Body).Members!.Select(m => m.Name).Where(n => n != nameof(BronzeRecord.DpBatchId));
        entity.HasAnnotation(SourceKeyAnnotation, string.Join(",", sourceKey));
        return entity;
    }
}
