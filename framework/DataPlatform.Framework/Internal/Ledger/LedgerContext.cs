using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Naming;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Framework.Internal.Ledger;

/// <summary>
/// The EF Core model of the batch ledger (schema <c>dataplatform</c>: <c>batch</c>, <c>batch_table</c>, <c>source_identity</c>, <c>quarantine</c>) with the
/// DataPlatform conventions, so the schema deployer deploys and validates it like any datakit context.
/// </summary>
internal sealed class LedgerContext(DbContextOptions<LedgerContext> options) : DbContext(options)
{
    /// <summary>The batches.</summary>
    public DbSet<Batch> Batches => Set<Batch>();

    /// <summary>The per-table rows of the batches.</summary>
    public DbSet<BatchTable> BatchTables => Set<BatchTable>();

    /// <summary>The rows transforms rejected (<c>dataplatform.quarantine</c>).</summary>
    public DbSet<QuarantineEntry> Quarantine => Set<QuarantineEntry>();

    /// <summary>The source database each pipeline was loaded from (<c>dataplatform.source_identity</c>).</summary>
    public DbSet<SourceIdentity> SourceIdentities => Set<SourceIdentity>();

    /// <summary>A context for deploying, validating or querying the ledger; <paramref name="connectionString"/> may be omitted for model-only use.</summary>
    public static LedgerContext Create(string? connectionString = null)
    {
        var builder = new DbContextOptionsBuilder<LedgerContext>();
        if (connectionString is null)
        {
            builder.UseNpgsql();
        }
        else
        {
            builder.UseNpgsql(connectionString);
        }

        return new LedgerContext(builder.Options);
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDefaultSchema(SchemaNames.Bookkeeping);

        modelBuilder.Entity<Batch>(batch =>
        {
            batch.HasKey(b => b.BatchId);
            batch.Property(b => b.BatchId).UseIdentityByDefaultColumn();
            batch.Property(b => b.Pipeline).HasColumnType("text").IsRequired();
            batch.Property(b => b.StartedAt).HasColumnType("timestamp with time zone").HasDefaultValueSql("now()");
            batch.Property(b => b.FinishedAt).HasColumnType("timestamp with time zone");
            batch.Property(b => b.Status).HasColumnType("text").IsRequired();
            batch.Property(b => b.Error).HasColumnType("text");
            batch.HasIndex(b => new { b.Pipeline, b.Status });
            batch.ToTable(t => t.HasCheckConstraint("ck_batch_status", "status IN ('running', 'succeeded', 'failed')"));
            batch.HasMany(b => b.Tables).WithOne(t => t.Batch).HasForeignKey(t => t.BatchId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<BatchTable>(table =>
        {
            table.HasKey(t => new { t.BatchId, t.Layer, t.TableName });
            table.Property(t => t.Layer).HasColumnType("text");
            table.Property(t => t.TableName).HasColumnType("text");
            table.Property(t => t.WatermarkBefore).HasColumnType("text");
            table.Property(t => t.WatermarkAfter).HasColumnType("text");
            table.Property(t => t.StartedAt).HasColumnType("timestamp with time zone");
            table.Property(t => t.FinishedAt).HasColumnType("timestamp with time zone");
            table.Property(t => t.Seconds).HasColumnType("numeric(12,3)");
            table.Property(t => t.SourceTable).HasColumnType("text");

            // Added after the first ledgers existed: they get it with this default (ADD COLUMN IF NOT EXISTS), never by a rebuild.
            table.Property(t => t.RowsUnchanged).HasDefaultValue(0L);
        });

        modelBuilder.Entity<SourceIdentity>(identity =>
        {
            identity.HasKey(i => i.Pipeline);
            identity.Property(i => i.Pipeline).HasColumnType("text");
            identity.Property(i => i.SystemIdentifier).HasColumnType("text");
            identity.Property(i => i.DatabaseName).HasColumnType("text");
            identity.Property(i => i.RecordedAt).HasColumnType("timestamp with time zone").HasDefaultValueSql("now()");
        });

        modelBuilder.Entity<QuarantineEntry>(quarantine =>
        {
            quarantine.ToTable(Transforms.QuarantineTable.Name);
            quarantine.HasKey(q => q.QuarantineId);
            quarantine.Property(q => q.QuarantineId).UseIdentityAlwaysColumn();
            quarantine.Property(q => q.Transform).HasColumnType("text");
            quarantine.Property(q => q.TableName).HasColumnType("text");
            quarantine.Property(q => q.RowKey).HasColumnType("text");
            quarantine.Property(q => q.Rule).HasColumnType("text");
            quarantine.Property(q => q.Message).HasColumnType("text");
            quarantine.Property(q => q.RawRow).HasColumnType("jsonb");
            quarantine.Property(q => q.QuarantinedAt).HasColumnType("timestamp with time zone").HasDefaultValueSql("now()");
            quarantine.Property(q => q.ResolvedAt).HasColumnType("timestamp with time zone");
            quarantine.HasIndex(q => new { q.TableName, q.RowKey });
            quarantine.HasIndex(q => q.BatchId);
        });
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.AddDataPlatformConventions();
    }
}
