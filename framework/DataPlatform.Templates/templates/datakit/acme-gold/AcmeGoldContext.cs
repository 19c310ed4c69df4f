using Acme.Datakits.Gold;
using Acme.Datakits.Gold.Entities;
using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;

[assembly: Datakit("acme", DatakitLayer.Gold, typeof(AcmeGoldContext))]

namespace Acme.Datakits.Gold;

/// <summary>The acme gold layer (<c>gl__acme</c>): dimensions and facts, configured in <see cref="ConfigureLayer"/>.</summary>
public sealed class AcmeGoldContext(DbContextOptions<AcmeGoldContext> options) : DatakitDbContext(options)
{
    /// <summary>Creates a context on a PostgreSQL connection string.</summary>
    public static AcmeGoldContext Create(string connectionString) =>
        new(new DbContextOptionsBuilder<AcmeGoldContext>().UseNpgsql(connectionString).Options);

    /// <inheritdoc />
    protected override void ConfigureLayer(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        // A dimension: an identity surrogate key and the natural key as alternate key (what an upsert matches on). A fact
        // references its dimensions' surrogate keys: e.HasOne<DimCustomer>().ByForeignKey(x => x.CustomerKey).
        modelBuilder.Entity<DimCustomer>(e =>
        {
            e.HasKey(x => x.CustomerKey);
            e.Property(x => x.CustomerKey).UseIdentityAlwaysColumn();
            e.HasAlternateKey(x => x.CustomerId);
        });
    }
}
