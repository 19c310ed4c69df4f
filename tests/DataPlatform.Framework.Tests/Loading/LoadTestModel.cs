using DataPlatform.Framework.Datakits;
using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Tests.Loading;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

[assembly: Datakit("load", DatakitLayer.Silver, typeof(LoadTestContext))]
[assembly: Datakit("load", DatakitLayer.Bronze, typeof(LoadBronzeContext), SourceSchema = "public")]

namespace DataPlatform.Framework.Tests.Loading;

public enum MpaaRating
{
    G,
    [PgName("PG")]
    Pg,
    [PgName("PG-13")]
    Pg13,
    R,
    [PgName("NC-17")]
    Nc17,
}

/// <summary>Every column type the Pagila datakits use, plus the transactional mixin.</summary>
public sealed class Film : ITransactionalData
{
    public int FilmId { get; set; }

    public string Title { get; set; } = string.Empty;

    public string? Description { get; set; }

    public short? ReleaseYear { get; set; }

    public long Views { get; set; }

    public decimal RentalRate { get; set; }

    public decimal? ReplacementCost { get; set; }

    public bool IsActive { get; set; }

    public DateOnly? ReleaseDate { get; set; }

    public DateTime LastUpdate { get; set; }

    public DateTime? ReturnedAt { get; set; }

    public byte[]? Poster { get; set; }

    public string[]? SpecialFeatures { get; set; }

    public MpaaRating? Rating { get; set; }

    public Guid ExternalId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime Systime { get; set; }
}

/// <summary>Reference data for sync.</summary>
public sealed class Category : IReferenceData
{
    public int CategoryId { get; set; }

    public string Name { get; set; } = string.Empty;

    public DateTime? InactivatedDate { get; set; }

    public DateTime Systime { get; set; }
}

/// <summary>Identity surrogate key plus a natural key with a unique index.</summary>
public sealed class Member
{
    public long MemberKey { get; set; }

    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;
}

public sealed class LoadTestContext(DbContextOptions options) : DatakitDbContext(options)
{
    public const string SchemaName = "sl__load";

    public static LoadTestContext Create(string connectionString = "Host=localhost") =>
        new(new DbContextOptionsBuilder<LoadTestContext>()
            .UseNpgsql(connectionString, o => o.MapEnum<MpaaRating>("mpaa_rating", SchemaName))
            .Options);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Film>(film =>
        {
            film.HasKey(f => f.FilmId);
            film.Property(f => f.FilmId).ValueGeneratedNever();
            film.Property(f => f.Title).HasMaxLength(20);
            film.Property(f => f.RentalRate).HasPrecision(4, 2);
            film.Property(f => f.ReplacementCost).HasPrecision(5, 2);
        });
        modelBuilder.Entity<Category>(category =>
        {
            category.HasKey(c => c.CategoryId);
            category.Property(c => c.CategoryId).ValueGeneratedNever();
            category.Property(c => c.Name).HasMaxLength(25);
        });
        modelBuilder.Entity<Member>(member =>
        {
            member.HasKey(m => m.MemberKey);
            member.Property(m => m.MemberKey).UseIdentityByDefaultColumn();
            member.HasIndex(m => m.Code).IsUnique();
        });
    }
}

/// <summary>A bronze record: the loader stamps batch, load time, source table and hash.</summary>
public sealed class FilmRaw : IBronzeRecord
{
    public long FilmRawId { get; set; }

    public int FilmId { get; set; }

    public string? Title { get; set; }

    public decimal? RentalRate { get; set; }

    public long DpBatchId { get; set; }

    public byte[] DpRecordHash { get; set; } = [];

    public BronzeOperation DpOperation { get; set; }
}

public sealed class LoadBronzeContext(DbContextOptions options) : DatakitDbContext(options)
{
    public static LoadBronzeContext Create(string connectionString = "Host=localhost") =>
        new(new DbContextOptionsBuilder<LoadBronzeContext>().UseNpgsql(connectionString).Options);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<FilmRaw>(raw =>
        {
            raw.HasKey(r => r.FilmRawId);
            raw.Property(r => r.FilmRawId).UseIdentityByDefaultColumn();
        });
    }
}
