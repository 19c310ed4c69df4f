using DataPlatform.Framework.Datakits;
using DataPlatform.Framework.Naming;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Datakits.Pagila.Silver;

/// <summary>
/// Maps the 15 silver tables (<c>sl__pagila</c>) with their keys into another context's model. EF Core cannot mix
/// contexts in one query, so a transform that reads silver together with another layer (silver's own bronze reads, gold's
/// dimension builds) uses one read-only context that maps both; this is the silver half of it.
/// </summary>
public static class PagilaSilverTables
{
    /// <summary>Adds the silver entities, mapped to their tables and keys in <c>sl__pagila</c>, to <paramref name="modelBuilder"/>.</summary>
    public static ModelBuilder MapSilverTables(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
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
        return modelBuilder;
    }
}
