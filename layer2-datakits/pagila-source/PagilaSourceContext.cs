using DataPlatform.Datakits.Pagila.Source;
using DataPlatform.Datakits.Pagila.Source.Entities;
using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

[assembly: Datakit("pagila", DatakitLayer.Source, typeof(PagilaSourceContext), SourceSchema = "public")]

namespace DataPlatform.Datakits.Pagila.Source;

/// <summary>
/// The Pagila source contract: the 15 tables of schema <c>public</c> with the source's own column names and types
/// (<c>payment</c> as one logical table). Create a Pagila-shaped source with <see cref="PagilaSourceSchema"/>.
/// </summary>
public sealed class PagilaSourceContext(DbContextOptions options) : DatakitDbContext(options)
{
    private static readonly ValueConverter<MpaaRating, string> s_ratingConverter =
        new(v => MpaaRatingLabels.ToLabel(v), v => MpaaRatingLabels.FromLabel(v));

    /// <summary><c>public.actor</c>.</summary>
    public DbSet<Actor> Actors => Set<Actor>();

    /// <summary><c>public.address</c>.</summary>
    public DbSet<Address> Addresses => Set<Address>();

    /// <summary><c>public.category</c>.</summary>
    public DbSet<Category> Categories => Set<Category>();

    /// <summary><c>public.city</c>.</summary>
    public DbSet<City> Cities => Set<City>();

    /// <summary><c>public.country</c>.</summary>
    public DbSet<Country> Countries => Set<Country>();

    /// <summary><c>public.customer</c>.</summary>
    public DbSet<Customer> Customers => Set<Customer>();

    /// <summary><c>public.film</c>.</summary>
    public DbSet<Film> Films => Set<Film>();

    /// <summary><c>public.film_actor</c>.</summary>
    public DbSet<FilmActor> FilmActors => Set<FilmActor>();

    /// <summary><c>public.film_category</c>.</summary>
    public DbSet<FilmCategory> FilmCategories => Set<FilmCategory>();

    /// <summary><c>public.inventory</c>.</summary>
    public DbSet<Inventory> Inventories => Set<Inventory>();

    /// <summary><c>public.language</c>.</summary>
    public DbSet<Language> Languages => Set<Language>();

    /// <summary><c>public.payment</c> (partitioned in the real dump, one logical table here).</summary>
    public DbSet<Payment> Payments => Set<Payment>();

    /// <summary><c>public.rental</c>.</summary>
    public DbSet<Rental> Rentals => Set<Rental>();

    /// <summary><c>public.staff</c>.</summary>
    public DbSet<Staff> Staff => Set<Staff>();

    /// <summary><c>public.store</c>.</summary>
    public DbSet<Store> Stores => Set<Store>();

    /// <summary>Creates a context for a Npgsql connection string (no tracking: the source is read, never written through EF).</summary>
    public static PagilaSourceContext Create(string connectionString) =>
        new(new DbContextOptionsBuilder<PagilaSourceContext>()
            .UseNpgsql(connectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .Options);

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<Actor>().HasKey(e => e.ActorId);
        modelBuilder.Entity<Address>(e =>
        {
            e.HasKey(a => a.AddressId);
            e.Property(a => a.AddressLine).HasColumnName("address");
        });
        modelBuilder.Entity<Category>().HasKey(e => e.CategoryId);
        modelBuilder.Entity<City>(e =>
        {
            e.HasKey(c => c.CityId);
            e.Property(c => c.CityName).HasColumnName("city");
        });
        modelBuilder.Entity<Country>(e =>
        {
            e.HasKey(c => c.CountryId);
            e.Property(c => c.CountryName).HasColumnName("country");
        });
        modelBuilder.Entity<Customer>(e =>
        {
            e.HasKey(c => c.CustomerId);
            e.Property(c => c.CreateDate).HasColumnType("date");
        });
        modelBuilder.Entity<Film>(e =>
        {
            e.HasKey(f => f.FilmId);
            e.Property(f => f.ReleaseYear).HasColumnType("integer");
            e.Property(f => f.RentalRate).HasColumnType("numeric(4,2)");
            e.Property(f => f.ReplacementCost).HasColumnType("numeric(5,2)");
            e.Property(f => f.Rating).HasColumnType("mpaa_rating").HasConversion(s_ratingConverter);
            e.Property(f => f.SpecialFeatures).HasColumnType("text[]");
            e.Property(f => f.Fulltext).HasColumnType("tsvector");
        });
        modelBuilder.Entity<FilmActor>().HasKey(e => new { e.ActorId, e.FilmId });
        modelBuilder.Entity<FilmCategory>().HasKey(e => new { e.FilmId, e.CategoryId });
        modelBuilder.Entity<Inventory>().HasKey(e => e.InventoryId);
        modelBuilder.Entity<Language>(e =>
        {
            e.HasKey(l => l.LanguageId);
            e.Property(l => l.Name).HasColumnType("character(20)");
        });
        modelBuilder.Entity<Payment>(e =>
        {
            e.HasKey(p => new { p.PaymentDate, p.PaymentId });
            e.Property(p => p.Amount).HasColumnType("numeric(5,2)");
        });
        modelBuilder.Entity<Rental>().HasKey(e => e.RentalId);
        modelBuilder.Entity<Staff>(e =>
        {
            e.HasKey(s => s.StaffId);
            e.Property(s => s.Picture).HasColumnType("bytea");
        });
        modelBuilder.Entity<Store>().HasKey(e => e.StoreId);

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var key in entity.GetKeys())
            {
                foreach (var property in key.Properties.Where(p => p.ClrType == typeof(int)))
                {
                    // Source ids are assigned by the source (or the generator), never by EF.
                    property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
                }
            }
        }
    }
}
