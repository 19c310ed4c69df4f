using Acme.Datakits.Silver;
using Acme.Datakits.Silver.Entities;
using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;

[assembly: Datakit("acme", DatakitLayer.Silver, typeof(AcmeSilverContext))]

namespace Acme.Datakits.Silver;

/// <summary>
/// The acme silver layer (<c>sl__acme</c>): one row per natural key, cleaned, with primary and foreign keys enforced.
/// Entities derive from <see cref="DataPlatform.Framework.Mixins.SilverRecord"/> (soft deletes, source batch); one that
/// derives from <see cref="DataPlatform.Framework.Mixins.TemporalSilverRecord"/> also gets a <c>__history</c> table.
/// </summary>
public sealed class AcmeSilverContext(DbContextOptions<AcmeSilverContext> options) : DatakitDbContext(options)
{
    /// <summary>Creates a context on a PostgreSQL connection string.</summary>
    public static AcmeSilverContext Create(string connectionString) =>
        new(new DbContextOptionsBuilder<AcmeSilverContext>().UseNpgsql(connectionString).Options);

    /// <inheritdoc />
    protected override void ConfigureLayer(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        // Add a line per table: its natural key, and its references (e.HasOne<Customer>().ByForeignKey(x => x.CustomerId)).
        modelBuilder.Entity<Customer>().HasNaturalKey(e => e.CustomerId);
    }
}
