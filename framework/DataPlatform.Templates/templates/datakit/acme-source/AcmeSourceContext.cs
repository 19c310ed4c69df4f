using Acme.Datakits.Source;
using Acme.Datakits.Source.Entities;
using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;

[assembly: Datakit("acme", DatakitLayer.Source, typeof(AcmeSourceContext), SourceSchema = "SOURCE_SCHEMA")]

namespace Acme.Datakits.Source;

/// <summary>
/// The acme source contract: the tables of schema <c>SOURCE_SCHEMA</c> with the source's column names (snake_case of the
/// property names). Bronze derives its tables from these entities.
/// </summary>
public sealed class AcmeSourceContext(DbContextOptions options) : DatakitDbContext(options)
{
    /// <summary><c>SOURCE_SCHEMA.customer</c>.</summary>
    public DbSet<Customer> Customers => Set<Customer>();

    /// <inheritdoc />
    protected override void ConfigureLayer(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        // Add a line per source table: its key, and column types where the default mapping differs from the source.
        modelBuilder.Entity<Customer>().HasNaturalKey(e => e.CustomerId);
    }
}
