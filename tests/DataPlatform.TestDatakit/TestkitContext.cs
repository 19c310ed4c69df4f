using DataPlatform.Framework.Datakits;
using DataPlatform.TestDatakit;
using Microsoft.EntityFrameworkCore;

[assembly: Datakit("testkit", DatakitLayer.Silver, typeof(TestkitContext))]

namespace DataPlatform.TestDatakit;

/// <summary>The test datakit's context (schema <c>sl__testkit</c>).</summary>
public sealed class TestkitContext(DbContextOptions options) : DatakitDbContext(options)
{
    public DbSet<Country> Countries => Set<Country>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Contract> Contracts => Set<Contract>();

    public DbSet<RawEvent> RawEvents => Set<RawEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasPostgresEnum(Schema, "risk_level", ["low", "medium", "high"]);
        modelBuilder.Entity<Country>(e =>
        {
            e.HasAlternateKey(c => c.Code);
            e.Property(c => c.Code).HasMaxLength(3);
            e.Property(c => c.Name).HasMaxLength(60);
        });
        modelBuilder.Entity<Customer>(e =>
        {
            e.HasOne(c => c.Country).WithMany().HasForeignKey(c => c.CountryId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => c.Email).IsUnique();
            e.HasIndex(c => c.Name);
            e.Property(c => c.Score).HasDefaultValue(0);
        });
        modelBuilder.Entity<Contract>(e =>
        {
            e.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId);
            e.Property(c => c.Amount).HasColumnType("numeric(10,2)");
        });
        modelBuilder.Entity<RawEvent>(e => e.HasKey(r => new { r.EventId, r.DpBatchId }));
    }
}
