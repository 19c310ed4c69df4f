using DataPlatform.Framework.Datakits;
using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Tests.Mixins;
using Microsoft.EntityFrameworkCore;

[assembly: Datakit("mixtest", DatakitLayer.Silver, typeof(MixinTestContext))]

namespace DataPlatform.Framework.Tests.Mixins;

// A small model with every mixin, used by the mixin and schema deployer tests (schema sl__mixtest).
// OnModelCreating does not call the base, so configuration classes of other test models in this assembly never leak in.
public sealed class MixinTestContext(DbContextOptions options) : DatakitDbContext(options)
{
    public DbSet<Genre> Genres => Set<Genre>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<Price> Prices => Set<Price>();

    public DbSet<RawFilm> RawFilms => Set<RawFilm>();

    public static MixinTestContext Create(string connectionString) =>
        new(new DbContextOptionsBuilder<MixinTestContext>().UseNpgsql(connectionString).Options);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.HasPostgresEnum(Schema, "order_state", ["new", "paid", "shipped"]);
        modelBuilder.Entity<Genre>(e =>
        {
            e.HasAlternateKey(g => g.Code);
            e.Property(g => g.Code).HasMaxLength(10);
            e.Property(g => g.Tags).HasColumnType("json");
        });
        modelBuilder.Entity<Order>(e =>
        {
            e.HasOne<Genre>().WithMany().HasForeignKey(o => o.GenreId);
            e.HasIndex(o => o.Customer);
            e.Property(o => o.Total).HasColumnType("numeric(8,2)");
            e.HasStorageParameter("fillfactor", 90);
        });
        modelBuilder.Entity<Price>(e =>
        {
            e.Property(p => p.Amount).HasColumnType("numeric(8,2)");
            e.HasStorageParameter("FillFactor", 80);
            e.HasStorageParameter("autovacuum_vacuum_scale_factor", 0.05);
        });
        modelBuilder.Entity<RawFilm>(e => e.HasKey(r => new { r.FilmId, r.DpBatchId }));
    }
}

public sealed class Genre : IReferenceData
{
    public int Id { get; set; }

    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? Tags { get; set; }

    public DateTime? InactivatedDate { get; set; }

    public DateTime Systime { get; set; }
}

public sealed class Order : ITransactionalData
{
    public int Id { get; set; }

    public int GenreId { get; set; }

    public string Customer { get; set; } = string.Empty;

    public decimal Total { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime Systime { get; set; }
}

public sealed class Price : ITemporalData
{
    public int Id { get; set; }

    public string Product { get; set; } = string.Empty;

    public decimal Amount { get; set; }

    [ExcludeFromHistory]
    public string? Comment { get; set; }

    public DateTime EffectiveTime { get; set; }

    public DateTime Systime { get; set; }
}

public sealed class RawFilm : IBronzeRecord
{
    public int FilmId { get; set; }

    public string? Title { get; set; }

    public long DpBatchId { get; set; }

    public byte[] DpRecordHash { get; set; } = [];

    public BronzeOperation DpOperation { get; set; }
}
