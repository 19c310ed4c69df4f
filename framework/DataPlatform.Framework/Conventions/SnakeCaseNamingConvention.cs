using DataPlatform.Framework.Naming;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace DataPlatform.Framework.Conventions;

/// <summary>
/// Names tables, columns, keys, foreign keys and indexes in snake_case. Names set explicitly (fluent API or
/// attributes) win, because convention-level configuration never overrides them.
/// </summary>
internal sealed class SnakeCaseNamingConvention : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes())
        {
            if (entityType.GetTableName() is null || entityType.IsOwned())
            {
                continue;
            }

            entityType.Builder.ToTable(SnakeCase.Convert(entityType.ClrType.Name));
            foreach (var property in entityType.GetProperties())
            {
                property.Builder.HasColumnName(SnakeCase.Convert(property.Name));
            }
        }

        // Constraint names use the final table and column names of both ends, so they are named in a second pass.
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes())
        {
            if (entityType.GetTableName() is not { } table || entityType.IsOwned())
            {
                continue;
            }

            foreach (var key in entityType.GetDeclaredKeys())
            {
                var prefix = key.IsPrimaryKey() ? "pk" : "ak";
                key.Builder.HasName(key.IsPrimaryKey() ? $"{prefix}_{table}" : $"{prefix}_{table}_{Columns(key.Properties)}");
            }

            foreach (var foreignKey in entityType.GetDeclaredForeignKeys())
            {
                var principal = foreignKey.PrincipalEntityType.GetTableName() ?? SnakeCase.Convert(foreignKey.PrincipalEntityType.ClrType.Name);
                foreignKey.Builder.HasConstraintName(Truncate($"fk_{table}_{principal}_{Columns(foreignKey.Properties)}"));
            }

            foreach (var index in entityType.GetDeclaredIndexes())
            {
                index.Builder.HasDatabaseName(Truncate($"ix_{table}_{Columns(index.Properties)}"));
            }
        }
    }

    private static string Columns(IEnumerable<IReadOnlyProperty> properties) =>
        string.Join("_", properties.Select(p => p.GetColumnName() ?? SnakeCase.Convert(p.Name)));

    // PostgreSQL truncates identifiers to 63 bytes; truncate deterministically ourselves so the model and the database agree.
    private static string Truncate(string name) => name.Length <= 63 ? name : name[..63];
}
