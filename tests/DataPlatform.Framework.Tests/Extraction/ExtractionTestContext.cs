using DataPlatform.Framework.Datakits;
using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Tests.Extraction;
using Microsoft.EntityFrameworkCore;

[assembly: Datakit("xt", DatakitLayer.Bronze, typeof(ExtractionBronzeContext), SourceSchema = "src")]

namespace DataPlatform.Framework.Tests.Extraction;

/// <summary>A text key and a cursor.</summary>
public sealed class Tag : BronzeRecord
{
    public string TagCode { get; set; } = string.Empty;

    public string? Label { get; set; }

    public DateTime? LastUpdate { get; set; }
}

/// <summary>A composite key of mixed types (uuid, int, text) and a cursor.</summary>
public sealed class Enrollment : BronzeRecord
{
    public Guid StudentId { get; set; }

    public int Term { get; set; }

    public string Course { get; set; } = string.Empty;

    public string? Grade { get; set; }

    public DateTime? ChangedAt { get; set; }
}

/// <summary>No usable cursor: a snapshot table.</summary>
public sealed class Setting : BronzeRecord
{
    public string Name { get; set; } = string.Empty;

    public string? Value { get; set; }
}

/// <summary>An increasing id and no change timestamp: a high-water table.</summary>
public sealed class Reading : BronzeRecord
{
    public long ReadingId { get; set; }

    public decimal? Amount { get; set; }
}

/// <summary>Large and NULL values: tuples far larger than the engine's buffers.</summary>
public sealed class Blob : BronzeRecord
{
    public int BlobId { get; set; }

    public string? Note { get; set; }

    public byte[]? Payload { get; set; }
}

/// <summary>The bronze side (<c>br__xt__src</c>) of the extraction tests.</summary>
public sealed class ExtractionBronzeContext(DbContextOptions options) : DatakitDbContext(options)
{
    public const string SourceDdl = """
        CREATE SCHEMA src;
        CREATE TABLE src.tag (tag_code text PRIMARY KEY, label text, last_update timestamptz NOT NULL DEFAULT now());
        CREATE TABLE src.enrollment (
            student_id uuid, term integer, course text, grade text, changed_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (student_id, term, course));
        CREATE TABLE src.setting (name text PRIMARY KEY, value text, secret text);
        CREATE TABLE src.reading (reading_id bigint PRIMARY KEY, amount numeric(8,2));
        CREATE TABLE src.blob (blob_id integer PRIMARY KEY, note text, payload bytea);
        """;

    public static ExtractionBronzeContext Create(string connectionString) =>
        new(new DbContextOptionsBuilder<ExtractionBronzeContext>().UseNpgsql(connectionString).Options);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Tag>().HasBronzeSourceKey(e => e.TagCode);
        modelBuilder.Entity<Enrollment>().HasBronzeSourceKey(e => new { e.StudentId, e.Term, e.Course });
        modelBuilder.Entity<Setting>().HasBronzeSourceKey(e => e.Name);
        modelBuilder.Entity<Blob>().HasBronzeSourceKey(e => e.BlobId);
        modelBuilder.Entity<Reading>().HasBronzeSourceKey(e => e.ReadingId).Property(e => e.Amount).HasColumnType("numeric(8,2)");
    }
}
