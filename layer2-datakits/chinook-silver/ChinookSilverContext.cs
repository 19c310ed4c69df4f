using DataPlatform.Datakits.Chinook.Silver;
using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;

[assembly: Datakit("chinook", DatakitLayer.Silver, typeof(ChinookSilverContext))]

namespace DataPlatform.Datakits.Chinook.Silver;

/// <summary>
/// The Chinook silver layer (<c>sl__chinook</c>): current state of the 11 tables, one row per natural key, trimmed and
/// conformed, primary and foreign keys enforced (<c>employee.reports_to</c> references <c>employee</c>). Every table has the
/// reference mixin (source deletes become soft deletes); <c>customer</c> and <c>employee</c> are temporal, so the framework
/// keeps <c>customer__history</c> and <c>employee__history</c>. The entities are configured in <see cref="ConfigureLayer"/>;
/// read them with <c>Set&lt;T&gt;()</c>.
/// </summary>
public sealed class ChinookSilverContext(DbContextOptions<ChinookSilverContext> options) : DatakitDbContext(options)
{
    /// <summary>Creates a context on a PostgreSQL connection string.</summary>
    public static ChinookSilverContext Create(string connectionString) =>
        new(new DbContextOptionsBuilder<ChinookSilverContext>().UseNpgsql(connectionString).Options);

    /// <inheritdoc />
    protected override void ConfigureLayer(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Artist>().HasNaturalKey(e => e.ArtistId);
        modelBuilder.Entity<Album>().HasNaturalKey(e => e.AlbumId).HasOne<Artist>().ByForeignKey(e => e.ArtistId);
        modelBuilder.Entity<Genre>().HasNaturalKey(e => e.GenreId);
        modelBuilder.Entity<MediaType>().HasNaturalKey(e => e.MediaTypeId);
        modelBuilder.Entity<Playlist>().HasNaturalKey(e => e.PlaylistId);
        modelBuilder.Entity<Track>(e =>
        {
            e.HasNaturalKey(x => x.TrackId).Property(x => x.UnitPrice).HasPrecision(10, 2);
            e.HasOne<Album>().ByForeignKey(x => x.AlbumId);
            e.HasOne<MediaType>().ByForeignKey(x => x.MediaTypeId);
            e.HasOne<Genre>().ByForeignKey(x => x.GenreId);
        });
        modelBuilder.Entity<PlaylistTrack>(e =>
        {
            e.HasNaturalKey(x => new { x.PlaylistId, x.TrackId });
            e.HasOne<Playlist>().ByForeignKey(x => x.PlaylistId);
            e.HasOne<Track>().ByForeignKey(x => x.TrackId);
        });
        modelBuilder.Entity<Employee>().HasNaturalKey(e => e.EmployeeId).HasOne<Employee>().ByForeignKey(e => e.ReportsTo);
        modelBuilder.Entity<Customer>().HasNaturalKey(e => e.CustomerId).HasOne<Employee>().ByForeignKey(e => e.SupportRepId);
        modelBuilder.Entity<Invoice>(e =>
        {
            e.HasNaturalKey(x => x.InvoiceId).Property(x => x.Total).HasPrecision(10, 2);
            e.HasOne<Customer>().ByForeignKey(x => x.CustomerId);
        });
        modelBuilder.Entity<InvoiceLine>(e =>
        {
            e.HasNaturalKey(x => x.InvoiceLineId).Property(x => x.UnitPrice).HasPrecision(10, 2);
            e.HasOne<Invoice>().ByForeignKey(x => x.InvoiceId);
            e.HasOne<Track>().ByForeignKey(x => x.TrackId);
        });
    }
}
