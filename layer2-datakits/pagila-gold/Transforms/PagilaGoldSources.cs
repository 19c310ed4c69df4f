using DataPlatform.Datakits.Pagila.Silver;
using DataPlatform.Framework.Datakits;
using DataPlatform.Framework.Naming;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Datakits.Pagila.Gold.Transforms;

/// <summary>
/// The one context the gold transforms read from (EF Core cannot mix contexts in one query): the silver tables
/// (<c>sl__pagila</c>), the gold tables themselves (<c>gl__pagila</c>, for the surrogate-key lookups of the facts and for
/// removing facts whose source rows were deleted) and the query entities <see cref="CalendarDay"/> and <see cref="FilmCategoryNames"/>. Read-only for the
/// transforms; the gold tables are written through <see cref="PagilaGoldContext"/>.
/// </summary>
internal sealed class PagilaGoldSources(DbContextOptions<PagilaGoldSources> options) : DbContext(options)
{
    public static PagilaGoldSources Create(string connectionString) =>
        new(new DbContextOptionsBuilder<PagilaGoldSources>()
            .UseNpgsql(connectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .Options);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.AddDataPlatformConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapSilverTables();

        var gold = SchemaNames.For("pagila", DatakitLayer.Gold);
        modelBuilder.Entity<DimDate>().ToTable("dim_date", gold).HasKey(e => e.DateKey);
        modelBuilder.Entity<DimCustomer>().ToTable("dim_customer", gold).HasKey(e => e.CustomerKey);
        modelBuilder.Entity<DimFilm>().ToTable("dim_film", gold).HasKey(e => e.FilmKey);
        modelBuilder.Entity<DimStore>().ToTable("dim_store", gold).HasKey(e => e.StoreKey);
        modelBuilder.Entity<DimStaff>().ToTable("dim_staff", gold).HasKey(e => e.StaffKey);
        modelBuilder.Entity<FactRental>().ToTable("fact_rental", gold).HasKey(e => e.RentalId);
        modelBuilder.Entity<FactPayment>().ToTable("fact_payment", gold).HasKey(e => e.PaymentId);

        // Escape-hatch query entities (embedded .sql next to their classes; see their remarks).
        var calendar = modelBuilder.Entity<CalendarDay>();
        calendar.HasNoKey().ToSqlQuery(CalendarDay.Sql);
        calendar.Property(e => e.Day).HasColumnName("day");

        var categoryNames = modelBuilder.Entity<FilmCategoryNames>();
        categoryNames.HasNoKey().ToSqlQuery(FilmCategoryNames.Sql);
        categoryNames.Property(e => e.FilmId).HasColumnName("film_id");
        categoryNames.Property(e => e.Names).HasColumnName("names");
    }
}
