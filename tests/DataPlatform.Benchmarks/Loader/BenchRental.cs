using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Benchmarks.Loader;

/// <summary>A Pagila-rental-shaped row: int id, timestamptz ×3 (one nullable), int ×3, text, uuid.</summary>
public sealed class BenchRental
{
    public int RentalId { get; set; }

    public DateTime RentalDate { get; set; }

    public DateTime? ReturnDate { get; set; }

    public DateTime LastUpdate { get; set; }

    public int InventoryId { get; set; }

    public int CustomerId { get; set; }

    public int StaffId { get; set; }

    public string Note { get; set; } = string.Empty;

    public Guid ExternalId { get; set; }

    private static readonly DateTime s_origin = new(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Deterministic row <paramref name="id"/>; <paramref name="version"/> changes the mutable values.</summary>
    public static BenchRental Create(int id, int version = 0) => new()
    {
        RentalId = id,
        RentalDate = s_origin.AddSeconds(id),
        ReturnDate = id % 10 == 0 ? null : s_origin.AddSeconds(id + 86_400 * (3 + version)),
        LastUpdate = s_origin.AddSeconds(id + version),
        InventoryId = (id * 7) % 4_581 + 1,
        CustomerId = (id * 13) % 599 + 1,
        StaffId = id % 2 + 1,
        Note = version == 0 ? "rental note " + (id % 1000).ToString(System.Globalization.CultureInfo.InvariantCulture) : "changed note",
        ExternalId = new Guid(id, (short)version, 0, 1, 2, 3, 4, 5, 6, 7, 8),
    };

    public static IEnumerable<BenchRental> Range(int firstId, int count, int version = 0)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Create(firstId + i, version);
        }
    }
}

/// <summary>The benchmark's EF model: one rental-shaped table per case in schema <c>bench</c>.</summary>
public sealed class BenchContext(DbContextOptions<BenchContext> options, string table) : DbContext(options)
{
    public DbSet<BenchRental> Rentals => Set<BenchRental>();

    public static BenchContext Create(string connectionString, string table) =>
        new(new DbContextOptionsBuilder<BenchContext>()
            .UseNpgsql(connectionString)
            .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, TableModelCacheKeyFactory>()
            .Options, table);

    public string Table { get; } = table;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("bench");
        modelBuilder.Entity<BenchRental>(rental =>
        {
            rental.ToTable(Table);
            rental.HasKey(r => r.RentalId);
            rental.Property(r => r.RentalId).ValueGeneratedNever();
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.AddDataPlatformConventions();

    /// <summary>One cached model per table name.</summary>
    private sealed class TableModelCacheKeyFactory : Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) =>
            (context.GetType(), ((BenchContext)context).Table, designTime);
    }
}
