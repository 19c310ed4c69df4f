using DataPlatform.Datakits.Pagila.Gold;
using DataPlatform.Framework.Datakits;
using DataPlatform.Framework.Transforms;
using Microsoft.EntityFrameworkCore;

[assembly: Datakit("pagila", DatakitLayer.Gold, typeof(PagilaGoldContext))]

namespace DataPlatform.Datakits.Pagila.Gold;

/// <summary>
/// The Pagila gold layer (<c>gl__pagila</c>): the star schema of DESIGN.md §5 — <c>dim_date</c>, <c>dim_customer</c>
/// (SCD type 2, one current row per customer enforced by a partial unique index), <c>dim_film</c>, <c>dim_store</c>,
/// <c>dim_staff</c>, <c>fact_rental</c> and <c>fact_payment</c> with foreign keys to the dimensions.
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
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        var date = modelBuilder.Entity<DimDate>();
        date.HasKey(e => e.DateKey);
        date.Property(e => e.DateKey).ValueGeneratedNever();

        var customer = modelBuilder.Entity<DimCustomer>();
        customer.HasKey(e => e.CustomerKey);
        customer.Property(e => e.CustomerKey).UseIdentityAlwaysColumn();
        customer.HasScd2NaturalKey(e => e.CustomerId);
        customer.HasIndex(e => new { e.CustomerId, e.ValidFrom }).IsUnique();

        var film = modelBuilder.Entity<DimFilm>();
        film.HasKey(e => e.FilmKey);
        film.Property(e => e.FilmKey).UseIdentityAlwaysColumn();
        film.HasAlternateKey(e => e.FilmId);
        film.Property(e => e.RentalRate).HasPrecision(4, 2);
        film.Property(e => e.ReplacementCost).HasPrecision(5, 2);

        var store = modelBuilder.Entity<DimStore>();
        store.HasKey(e => e.StoreKey);
        store.Property(e => e.StoreKey).UseIdentityAlwaysColumn();
        store.HasAlternateKey(e => e.StoreId);

        var staff = modelBuilder.Entity<DimStaff>();
        staff.HasKey(e => e.StaffKey);
        staff.Property(e => e.StaffKey).UseIdentityAlwaysColumn();
        staff.HasAlternateKey(e => e.StaffId);

        var rental = modelBuilder.Entity<FactRental>();
        rental.HasKey(e => e.RentalId);
        rental.Property(e => e.RentalId).ValueGeneratedNever();
        rental.Property(e => e.RentalDays).HasPrecision(8, 2);
        rental.Property(e => e.AmountPaid).HasPrecision(8, 2);
        rental.HasOne<DimDate>().WithMany().HasForeignKey(e => e.RentalDateKey).OnDelete(DeleteBehavior.Restrict);
        rental.HasOne<DimDate>().WithMany().HasForeignKey(e => e.ReturnDateKey).OnDelete(DeleteBehavior.Restrict);
        rental.HasOne<DimCustomer>().WithMany().HasForeignKey(e => e.CustomerKey).OnDelete(DeleteBehavior.Restrict);
        rental.HasOne<DimFilm>().WithMany().HasForeignKey(e => e.FilmKey).OnDelete(DeleteBehavior.Restrict);
        rental.HasOne<DimStore>().WithMany().HasForeignKey(e => e.StoreKey).OnDelete(DeleteBehavior.Restrict);
        rental.HasOne<DimStaff>().WithMany().HasForeignKey(e => e.StaffKey).OnDelete(DeleteBehavior.Restrict);

        var payment = modelBuilder.Entity<FactPayment>();
        payment.HasKey(e => e.PaymentId);
        payment.Property(e => e.PaymentId).ValueGeneratedNever();
        payment.Property(e => e.Amount).HasPrecision(5, 2);
        payment.HasOne<DimDate>().WithMany().HasForeignKey(e => e.PaymentDateKey).OnDelete(DeleteBehavior.Restrict);
        payment.HasOne<DimCustomer>().WithMany().HasForeignKey(e => e.CustomerKey).OnDelete(DeleteBehavior.Restrict);
        payment.HasOne<DimStaff>().WithMany().HasForeignKey(e => e.StaffKey).OnDelete(DeleteBehavior.Restrict);
        payment.HasOne<DimStore>().WithMany().HasForeignKey(e => e.StoreKey).OnDelete(DeleteBehavior.Restrict);
    }
}
