using DataPlatform.Framework.Datakits;
using DataPlatform.Framework.Naming;
using Microsoft.EntityFrameworkCore;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// The one context the silver transforms read from (EF Core cannot mix contexts in one query): the bronze tables
/// (<c>br__pagila__public</c>) and the silver tables themselves (<c>sl__pagila</c>, for the applied-batch check, orphan
/// checks and soft deletes). Read-only; the silver tables are written through <see cref="PagilaSilverContext"/>.
/// </summary>
internal sealed class PagilaSilverSources(DbContextOptions<PagilaSilverSources> options) : DbContext(options)
{
    public static PagilaSilverSources Create(string connectionString) =>
        new(new DbContextOptionsBuilder<PagilaSilverSources>()
            .UseNpgsql(connectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .Options);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.AddDataPlatformConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var bronze = SchemaNames.For("pagila", DatakitLayer.Bronze, "public");
        Bronze<B.Actor>(modelBuilder, bronze, "actor");
        Bronze<B.Address>(modelBuilder, bronze, "address").Property(e => e.AddressLine).HasColumnName("address");
        Bronze<B.Category>(modelBuilder, bronze, "category");
        Bronze<B.City>(modelBuilder, bronze, "city").Property(e => e.CityName).HasColumnName("city");
        Bronze<B.Country>(modelBuilder, bronze, "country").Property(e => e.CountryName).HasColumnName("country");
        Bronze<B.Customer>(modelBuilder, bronze, "customer");
        Bronze<B.Film>(modelBuilder, bronze, "film");
        Bronze<B.FilmActor>(modelBuilder, bronze, "film_actor");
        Bronze<B.FilmCategory>(modelBuilder, bronze, "film_category");
        Bronze<B.Inventory>(modelBuilder, bronze, "inventory");
        Bronze<B.Language>(modelBuilder, bronze, "language");
        Bronze<B.Payment>(modelBuilder, bronze, "payment");
        Bronze<B.Rental>(modelBuilder, bronze, "rental");
        Bronze<B.Staff>(modelBuilder, bronze, "staff");
        Bronze<B.Store>(modelBuilder, bronze, "store");

        var silver = SchemaNames.For("pagila", DatakitLayer.Silver);
        modelBuilder.Entity<Country>().ToTable("country", silver).HasKey(e => e.CountryId);
        modelBuilder.Entity<City>().ToTable("city", silver).HasKey(e => e.CityId);
        modelBuilder.Entity<Address>().ToTable("address", silver).HasKey(e => e.AddressId);
        modelBuilder.Entity<Language>().ToTable("language", silver).HasKey(e => e.LanguageId);
        modelBuilder.Entity<Category>().ToTable("category", silver).HasKey(e => e.CategoryId);
        modelBuilder.Entity<Actor>().ToTable("actor", silver).HasKey(e => e.ActorId);
        modelBuilder.Entity<Film>().ToTable("film", silver).HasKey(e => e.FilmId);
        modelBuilder.Entity<FilmActor>().ToTable("film_actor", silver).HasKey(e => new { e.ActorId, e.FilmId });
        modelBuilder.Entity<FilmCategory>().ToTable("film_category", silver).HasKey(e => new { e.FilmId, e.CategoryId });
        modelBuilder.Entity<Store>().ToTable("store", silver).HasKey(e => e.StoreId);
        modelBuilder.Entity<Staff>().ToTable("staff", silver).HasKey(e => e.StaffId);
        modelBuilder.Entity<Customer>().ToTable("customer", silver).HasKey(e => e.CustomerId);
        modelBuilder.Entity<Inventory>().ToTable("inventory", silver).HasKey(e => e.InventoryId);
        modelBuilder.Entity<Rental>().ToTable("rental", silver).HasKey(e => e.RentalId);
        modelBuilder.Entity<Payment>().ToTable("payment", silver).HasKey(e => e.PaymentId);
    }

    private static Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> Bronze<T>(ModelBuilder modelBuilder, string schema, string table)
        where T : B.BronzeRecord
    {
        var entity = modelBuilder.Entity<T>();
        entity.ToTable(table, schema).HasKey(e => e.BronzeId);
        return entity;
    }
}
