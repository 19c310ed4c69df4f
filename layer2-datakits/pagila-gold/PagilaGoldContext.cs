using DataPlatform.Datakits.Pagila.Gold;
using DataPlatform.Framework.Calendar;
using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;

[assembly: Datakit("pagila", DatakitLayer.Gold, typeof(PagilaGoldContext))]

namespace DataPlatform.Datakits.Pagila.Gold;

/// <summary>
/// The Pagila gold layer (<c>gl__pagila</c>): the star schema of DESIGN.md §5 — <c>dim_date</c>, <c>dim_customer</c>
/// (SCD type 2, one current row per customer enforced by a partial unique index), <c>dim_film</c>, <c>dim_store</c>,
/// <c>dim_staff</c>, <c>fact_rental</c> and <c>fact_payment</c> with foreign keys to the dimensions (configured in
/// <c>Configuration/</c>).
/// </summary>
public sealed class PagilaGoldContext(DbContextOptions<PagilaGoldContext> options) : DatakitDbContext(options)
{
    /// <summary>The date dimension.</summary>
    public DbSet<DimDate> DimDate => Set<DimDate>();

    /// <summary>The customer dimension (SCD type 2).</summary>
    public DbSet<DimCustomer> DimCustomer => Set<DimCustomer>();

    /// <summary>The film dimension.</summary>
    public DbSet<DimFilm> DimFilm => Set<DimFilm>();

    /// <summary>The store dimension.</summary>
    public DbSet<DimStore> DimStore => Set<DimStore>();

    /// <summary>The staff dimension.</summary>
    public DbSet<DimStaff> DimStaff => Set<DimStaff>();

    /// <summary>The rental facts.</summary>
    public DbSet<FactRental> FactRental => Set<FactRental>();

    /// <summary>The payment facts.</summary>
    public DbSet<FactPayment> FactPayment => Set<FactPayment>();

    /// <summary>Creates a context on a PostgreSQL connection string.</summary>
    public static PagilaGoldContext Create(string connectionString) =>
        new(new DbContextOptionsBuilder<PagilaGoldContext>().UseNpgsql(connectionString).Options);

    /// <inheritdoc />
    protected override void ConfigureLayer(ModelBuilder modelBuilder)
    {
        base.ConfigureLayer(modelBuilder);
        modelBuilder.ApplyConfiguration(new DimDateConfiguration());
    }
}
