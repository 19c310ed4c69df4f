using DataPlatform.Framework.Datakits;
using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Tests.Mixins;
using Microsoft.EntityFrameworkCore;

[assembly: Datakit("mixkeyless", DatakitLayer.Silver, typeof(KeylessTemporalContext))]

namespace DataPlatform.Framework.Tests.Mixins;

// A temporal entity without a primary key (schema sl__mixkeyless): its history cannot pair old and new rows by key, so
// it keeps the row-level history trigger.
public sealed class KeylessTemporalContext(DbContextOptions options) : DatakitDbContext(options)
{
    public DbSet<RateLog> RateLogs => Set<RateLog>();

    public static KeylessTemporalContext Create(string connectionString) =>
        new(new DbContextOptionsBuilder<KeylessTemporalContext>().UseNpgsql(connectionString).Options);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<RateLog>().HasNoKey();
    }
}

public sealed class RateLog : ITemporalData
{
    public string Currency { get; set; } = string.Empty;

    public decimal Rate { get; set; }

    public DateTime EffectiveTime { get; set; }

    public DateTime Systime { get; set; }
}
