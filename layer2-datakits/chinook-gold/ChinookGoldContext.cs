using DataPlatform.Datakits.Chinook.Gold;
using DataPlatform.Framework.Calendar;
using DataPlatform.Framework.Datakits;
using DataPlatform.Framework.Transforms;
using Microsoft.EntityFrameworkCore;

[assembly: Datakit("chinook", DatakitLayer.Gold, typeof(ChinookGoldContext))]

namespace DataPlatform.Datakits.Chinook.Gold;

/// <summary>
/// The Chinook gold layer (<c>gl__chinook</c>, DESIGN.md §9): <c>dim_date</c>, <c>dim_employee</c>, <c>dim_customer</c>
/// (SCD type 2, one current row per customer), <c>dim_track</c>, <c>bridge_playlist_track</c> and <c>fact_invoice_line</c>,
/// with foreign keys from the bridge and the fact to the dimensions, configured in <see cref="ConfigureLayer"/>.
/// </summary>
public sealed class ChinookGoldContext(DbContextOptions<ChinookGoldContext> options) : DatakitDbContext(options)
{
    /// <summary>Creates a context on a PostgreSQL connection string.</summary>
    public static ChinookGoldContext Create(string connectionString) =>
        new(new DbContextOptionsBuilder<ChinookGoldContext>().UseNpgsql(connectionString).Options);

    /// <inheritdoc />
    protected override void ConfigureLayer(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfiguration(new DimDateConfiguration());
        modelBuilder.Entity<DimEmployee>(e =>
        {
            e.HasKey(x => x.EmployeeKey);
            e.Property(x => x.EmployeeKey).UseIdentityAlwaysColumn();
            e.HasAlternateKey(x => x.EmployeeId);
        });
        modelBuilder.Entity<DimCustomer>(e =>
        {
            e.HasKey(x => x.CustomerKey);
            e.Property(x => x.CustomerKey).UseIdentityAlwaysColumn();
            e.HasScd2NaturalKey(x => x.CustomerId);
            e.HasIndex(x => new { x.CustomerId, x.ValidFrom }).IsUnique();
        });
        modelBuilder.Entity<DimTrack>(e =>
        {
            e.HasKey(x => x.TrackKey);
            e.Property(x => x.TrackKey).UseIdentityAlwaysColumn();
            e.HasAlternateKey(x => x.TrackId);
            e.Property(x => x.UnitPrice).HasPrecision(10, 2);
        });
        modelBuilder.Entity<BridgePlaylistTrack>(e =>
        {
            e.HasKey(x => new { x.PlaylistId, x.TrackKey });
            e.Property(x => x.PlaylistId).ValueGeneratedNever();
            e.HasOne<DimTrack>().ByForeignKey(x => x.TrackKey);
        });
        modelBuilder.Entity<FactInvoiceLine>(e =>
        {
            e.HasKey(x => x.InvoiceLineId);
            e.Property(x => x.InvoiceLineId).ValueGeneratedNever();
            e.Property(x => x.UnitPrice).HasPrecision(10, 2);
            e.Property(x => x.LineAmount).HasPrecision(10, 2);
            e.HasOne<DimDate>().ByForeignKey(x => x.InvoiceDateKey);
            e.HasOne<DimCustomer>().ByForeignKey(x => x.CustomerKey);
            e.HasOne<DimTrack>().ByForeignKey(x => x.TrackKey);
            e.HasOne<DimEmployee>().ByForeignKey(x => x.SupportRepKey);
        });
    }
}
