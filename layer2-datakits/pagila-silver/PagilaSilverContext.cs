using DataPlatform.Datakits.Pagila.Silver;
using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

[assembly: Datakit("pagila", DatakitLayer.Silver, typeof(PagilaSilverContext))]

namespace DataPlatform.Datakits.Pagila.Silver;

/// <summary>
/// The Pagila silver layer (<c>sl__pagila</c>): current state of the 15 Pagila tables, one row per natural key,
/// trimmed and conformed, with primary and foreign keys enforced. Every table has the reference mixin
/// (<c>inactivated_date</c>: source deletes become soft deletes); business entities also carry the transactional
/// mixin (<c>created_at</c>, <c>updated_at</c>).
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

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        Entity<Country>(modelBuilder, e => e.CountryId);
        Entity<City>(modelBuilder, e => e.CityId).HasOne<Country>().WithMany().HasForeignKey(e => e.CountryId).OnDelete(DeleteBehavior.Restrict);

        var address = Entity<Address>(modelBuilder, e => e.AddressId);
        address.HasOne<City>().WithMany().HasForeignKey(e => e.CityId).OnDelete(DeleteBehavior.Restrict);

        Entity<Language>(modelBuilder, e => e.LanguageId);
        Entity<Category>(modelBuilder, e => e.CategoryId);
        Entity<Actor>(modelBuilder, e => e.ActorId);

        var film = Entity<Film>(modelBuilder, e => e.FilmId);
        film.Property(e => e.RentalRate).HasPrecision(4, 2);
        film.Property(e => e.ReplacementCost).HasPrecision(5, 2);
        film.HasOne<Language>().WithMany().HasForeignKey(e => e.LanguageId).OnDelete(DeleteBehavior.Restrict);
        film.HasOne<Language>().WithMany().HasForeignKey(e => e.OriginalLanguageId).OnDelete(DeleteBehavior.Restrict);

        var filmActor = Entity<FilmActor>(modelBuilder, e => new { e.ActorId, e.FilmId });
        filmActor.HasOne<Actor>().WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.Restrict);
        filmActor.HasOne<Film>().WithMany().HasForeignKey(e => e.FilmId).OnDelete(DeleteBehavior.Restrict);

        var filmCategory = Entity<FilmCategory>(modelBuilder, e => new { e.FilmId, e.CategoryId });
        filmCategory.HasOne<Film>().WithMany().HasForeignKey(e => e.FilmId).OnDelete(DeleteBehavior.Restrict);
        filmCategory.HasOne<Category>().WithMany().HasForeignKey(e => e.CategoryId).OnDelete(DeleteBehavior.Restrict);

        var store = Entity<Store>(modelBuilder, e => e.StoreId);
        store.HasOne<Address>().WithMany().HasForeignKey(e => e.AddressId).OnDelete(DeleteBehavior.Restrict);
        store.HasIndex(e => e.ManagerStaffId);

        var staff = Entity<Staff>(modelBuilder, e => e.StaffId);
        staff.HasOne<Address>().WithMany().HasForeignKey(e => e.AddressId).OnDelete(DeleteBehavior.Restrict);
        staff.HasOne<Store>().WithMany().HasForeignKey(e => e.StoreId).OnDelete(DeleteBehavior.Restrict);

        var customer = Entity<Customer>(modelBuilder, e => e.CustomerId);
        customer.HasOne<Store>().WithMany().HasForeignKey(e => e.StoreId).OnDelete(DeleteBehavior.Restrict);
        customer.HasOne<Address>().WithMany().HasForeignKey(e => e.AddressId).OnDelete(DeleteBehavior.Restrict);

        var inventory = Entity<Inventory>(modelBuilder, e => e.InventoryId);
        inventory.HasOne<Film>().WithMany().HasForeignKey(e => e.FilmId).OnDelete(DeleteBehavior.Restrict);
        inventory.HasOne<Store>().WithMany().HasForeignKey(e => e.StoreId).OnDelete(DeleteBehavior.Restrict);

        var rental = Entity<Rental>(modelBuilder, e => e.RentalId);
        rental.HasOne<Inventory>().WithMany().HasForeignKey(e => e.InventoryId).OnDelete(DeleteBehavior.Restrict);
        rental.HasOne<Customer>().WithMany().HasForeignKey(e => e.CustomerId).OnDelete(DeleteBehavior.Restrict);
        rental.HasOne<Staff>().WithMany().HasForeignKey(e => e.StaffId).OnDelete(DeleteBehavior.Restrict);

        var payment = Entity<Payment>(modelBuilder, e => e.PaymentId);
        payment.Property(e => e.Amount).HasPrecision(5, 2);
        payment.HasOne<Customer>().WithMany().HasForeignKey(e => e.CustomerId).OnDelete(DeleteBehavior.Restrict);
        payment.HasOne<Staff>().WithMany().HasForeignKey(e => e.StaffId).OnDelete(DeleteBehavior.Restrict);
        payment.HasOne<Rental>().WithMany().HasForeignKey(e => e.RentalId).OnDelete(DeleteBehavior.Restrict);
    }

    // Source keys are natural keys: never generated in silver.
    private static EntityTypeBuilder<T> Entity<T>(ModelBuilder modelBuilder, System.Linq.Expressions.Expression<Func<T, object?>> key)
        where T : class
    {
        var builder = modelBuilder.Entity<T>();
        builder.HasKey(key);
        foreach (var property in builder.Metadata.FindPrimaryKey()!.Properties)
        {
            builder.Property(property.Name).ValueGeneratedNever();
        }

        return builder;
    }
}
