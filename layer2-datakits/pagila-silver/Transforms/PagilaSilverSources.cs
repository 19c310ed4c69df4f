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

        modelBuilder.MapSilverTables();
    }

    private static Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> Bronze<T>(ModelBuilder modelBuilder, string schema, string table)
        where T : DataPlatform.Framework.Mixins.BronzeRecord
    {
        var entity = modelBuilder.Entity<T>();
        entity.ToTable(table, schema).HasNoKey();
        return entity;
    }
}
