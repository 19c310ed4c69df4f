using System.ComponentModel.DataAnnotations.Schema;
using DataPlatform.Framework.Datakits;
using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Tests.Transforms;
using DataPlatform.Framework.Transforms;
using Microsoft.EntityFrameworkCore;

[assembly: Datakit("tfx", DatakitLayer.Bronze, typeof(TfxBronzeContext), SourceSchema = "src")]
[assembly: Datakit("tfx", DatakitLayer.Silver, typeof(TfxSilverContext))]
[assembly: Datakit("tfx", DatakitLayer.Gold, typeof(TfxGoldContext))]

namespace DataPlatform.Framework.Tests.Transforms;

// The small three-layer model of the transform tests: raw (bronze-like) films and languages, cleaned silver films,
// and an SCD2 gold dimension. Source and target are different DbContext types in different schemas of one database.

public sealed class RawFilm
{
    public long RowId { get; set; }

    public int FilmId { get; set; }

    public long BatchId { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Email { get; set; }

    public string? Rating { get; set; }

    public int? LengthMinutes { get; set; }

    public int? LanguageId { get; set; }

    public int? Active { get; set; }

    // Not a column: EF Core can only evaluate it on the client.
    [NotMapped]
    public string ShoutedTitle => (Title ?? string.Empty) + "!";
}

public sealed class RawLanguage
{
    public int LanguageId { get; set; }

    public string? Name { get; set; }
}

public sealed class CleanFilm : ITransactionalData
{
    public int FilmId { get; set; }

    public string Title { get; set; } = string.Empty;

    public string TitleKey { get; set; } = string.Empty;

    public string TitleUpper { get; set; } = string.Empty;

    public int TitleLength { get; set; }

    public string? Description { get; set; }

    public string? Email { get; set; }

    public string? Rating { get; set; }

    public int? LengthMinutes { get; set; }

    public int LanguageId { get; set; }

    public bool IsActive { get; set; }

    public long BatchId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime Systime { get; set; }
}

public sealed class DimFilm
{
    public long FilmKey { get; set; }

    public int FilmId { get; set; }

    public string Title { get; set; } = string.Empty;

    public string? Rating { get; set; }

    public DateTime ValidFrom { get; set; }

    public DateTime? ValidTo { get; set; }

    public bool IsCurrent { get; set; }
}

/// <summary>Which language each film is in: its key is every column, so an upsert into it can only insert or leave a row alone.</summary>
public sealed class FilmLanguage
{
    public int FilmId { get; set; }

    public int LanguageId { get; set; }
}

/// <summary>A raw film version's title and language name, keyed by the version's own row: the root of its input is matched on its identity.</summary>
public sealed class FilmTitle
{
    public long RowId { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Language { get; set; } = string.Empty;
}

/// <summary>Language codes as a bronze table holds them: no key, no index (a probe of it is hashed, never run per row).</summary>
public sealed class RawLanguageCode
{
    public int LanguageId { get; set; }
}

public sealed class TfxBronzeContext(DbContextOptions options) : DatakitDbContext(options)
{
    public DbSet<RawFilm> Films => Set<RawFilm>();

    public DbSet<RawLanguage> Languages => Set<RawLanguage>();

    public DbSet<RawLanguageCode> LanguageCodes => Set<RawLanguageCode>();

    // In ConfigureLayer, not OnModelCreating, so a transform layer reading this one composes the same configuration.
    protected override void ConfigureLayer(ModelBuilder modelBuilder)
    {
        base.ConfigureLayer(modelBuilder);
        modelBuilder.Entity<RawFilm>().HasKey(f => f.RowId);
        modelBuilder.Entity<RawLanguage>().HasKey(l => l.LanguageId);
        modelBuilder.Entity<RawLanguage>().Property(l => l.LanguageId).ValueGeneratedNever();
        modelBuilder.Entity<RawLanguageCode>().HasNoKey();
    }
}

public sealed class TfxSilverContext(DbContextOptions options) : DatakitDbContext(options)
{
    public DbSet<CleanFilm> Films => Set<CleanFilm>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<CleanFilm>().HasKey(f => f.FilmId);
        modelBuilder.Entity<CleanFilm>().Property(f => f.FilmId).ValueGeneratedNever();
    }
}

public sealed class TfxGoldContext(DbContextOptions options) : DatakitDbContext(options)
{
    public DbSet<DimFilm> Films => Set<DimFilm>();

    public DbSet<FilmLanguage> FilmLanguages => Set<FilmLanguage>();

    public DbSet<FilmTitle> FilmTitles => Set<FilmTitle>();

    protected override void ConfigureLayer(ModelBuilder modelBuilder)
    {
        base.ConfigureLayer(modelBuilder);
        modelBuilder.Entity<FilmLanguage>().HasKey(f => new { f.FilmId, f.LanguageId });
        modelBuilder.Entity<FilmTitle>().HasKey(f => f.RowId);
        modelBuilder.Entity<FilmTitle>().Property(f => f.RowId).ValueGeneratedNever();
        var film = modelBuilder.Entity<DimFilm>();
        film.HasKey(f => f.FilmKey);
        film.Property(f => f.FilmKey).UseIdentityAlwaysColumn();
        film.HasScd2NaturalKey(f => f.FilmId);
    }
}
