using DataPlatform.Datakits.Chinook.Source;
using DataPlatform.Datakits.Chinook.Source.Entities;
using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;

[assembly: Datakit("chinook", DatakitLayer.Source, typeof(ChinookSourceContext), SourceSchema = "public")]

namespace DataPlatform.Datakits.Chinook.Source;

/// <summary>
/// The Chinook source contract: the 11 tables of schema <c>public</c> with the source's column names. No table has an
/// update timestamp; <c>invoice_date</c>, <c>birth_date</c> and <c>hire_date</c> are <c>timestamp without time zone</c>.
/// Create a Chinook-shaped source with <see cref="ChinookSourceSchema"/>.
/// </summary>
public sealed class ChinookSourceContext(DbContextOptions options) : DatakitDbContext(options)
{
    /// <summary><c>public.artist</c>.</summary>
    public DbSet<Artist> Artists => Set<Artist>();

    /// <summary><c>public.album</c>.</summary>
    public DbSet<Album> Albums => Set<Album>();

    /// <summary><c>public.genre</c>.</summary>
    public DbSet<Genre> Genres => Set<Genre>();

    /// <summary><c>public.media_type</c>.</summary>
    public DbSet<MediaType> MediaTypes => Set<MediaType>();

    /// <summary><c>public.track</c>.</summary>
    public DbSet<Track> Tracks => Set<Track>();

    /// <summary><c>public.playlist</c>.</summary>
    public DbSet<Playlist> Playlists => Set<Playlist>();

    /// <summary><c>public.playlist_track</c>.</summary>
    public DbSet<PlaylistTrack> PlaylistTracks => Set<PlaylistTrack>();

    /// <summary><c>public.employee</c>.</summary>
    public DbSet<Employee> Employees => Set<Employee>();

    /// <summary><c>public.customer</c>.</summary>
    public DbSet<Customer> Customers => Set<Customer>();

    /// <summary><c>public.invoice</c>.</summary>
    public DbSet<Invoice> Invoices => Set<Invoice>();

    /// <summary><c>public.invoice_line</c>.</summary>
    public DbSet<InvoiceLine> InvoiceLines => Set<InvoiceLine>();

    /// <inheritdoc />
    protected override void ConfigureLayer(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Artist>().HasNaturalKey(e => e.ArtistId);
        modelBuilder.Entity<Album>().HasNaturalKey(e => e.AlbumId);
        modelBuilder.Entity<Genre>().HasNaturalKey(e => e.GenreId);
        modelBuilder.Entity<MediaType>().HasNaturalKey(e => e.MediaTypeId);
        modelBuilder.Entity<Playlist>().HasNaturalKey(e => e.PlaylistId);
        modelBuilder.Entity<PlaylistTrack>().HasNaturalKey(e => new { e.PlaylistId, e.TrackId });
        modelBuilder.Entity<Track>().HasNaturalKey(e => e.TrackId).Property(e => e.UnitPrice).HasColumnType("numeric(10,2)");
        modelBuilder.Entity<Customer>().HasNaturalKey(e => e.CustomerId);
        modelBuilder.Entity<Employee>(e =>
        {
            e.HasNaturalKey(x => x.EmployeeId);
            e.Property(x => x.BirthDate).HasColumnType("timestamp without time zone");
            e.Property(x => x.HireDate).HasColumnType("timestamp without time zone");
        });
        modelBuilder.Entity<Invoice>(e =>
        {
            e.HasNaturalKey(x => x.InvoiceId);
            e.Property(x => x.InvoiceDate).HasColumnType("timestamp without time zone");
            e.Property(x => x.Total).HasColumnType("numeric(10,2)");
        });
        modelBuilder.Entity<InvoiceLine>().HasNaturalKey(e => e.InvoiceLineId).Property(e => e.UnitPrice).HasColumnType("numeric(10,2)");
    }
}
