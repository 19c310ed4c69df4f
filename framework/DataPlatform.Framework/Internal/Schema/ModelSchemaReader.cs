using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Naming;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace DataPlatform.Framework.Internal.Schema;

/// <summary>
/// Builds the desired schema from a context's relational model (tables, columns with store types, nullability,
/// defaults, identity, keys, checks, foreign keys, indexes, storage parameters, PostgreSQL enums) plus the mixin objects: the
/// <c>dataplatform</c> schema, per-table touch functions and triggers, history tables, functions and triggers, and the
/// objects earlier versions deployed that deploy retires.
/// Store types and defaults are as the model spells them; <see cref="SchemaCanonicalizer"/> puts them in PostgreSQL's spelling.
/// </summary>
internal static class ModelSchemaReader
{
    private const string DefaultSchema = "public";

    public static SchemaSnapshot Read(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var model = context.GetService<IDesignTimeModel>().Model;
        var schemas = new SortedSet<string>(StringComparer.Ordinal) { SchemaNames.Bookkeeping };
        var enums = model.GetPostgresEnums()
            .Select(e => new EnumDefinition(e.Schema ?? model.GetDefaultSchema() ?? DefaultSchema, e.Name, [.. e.Labels]))
            .OrderBy(e => e.Schema, StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        schemas.UnionWith(enums.Select(e => e.Schema));

        var functions = new List<FunctionDefinition>();
        var tables = new List<TableDefinition>();
        var triggers = new List<TriggerDefinition>();
        var retiredTriggers = new List<RetiredTrigger>();
        var relationalTables = model.GetRelationalModel().Tables
            .Where(t => !t.IsExcludedFromMigrations)
            .OrderBy(t => t.Schema ?? DefaultSchema, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal);
        foreach (var table in relationalTables)
        {
            var definition = ReadTable(table);
            schemas.Add(definition.Schema);
            tables.Add(definition);

            var mixins = table.EntityTypeMappings
                .SelectMany(m => (m.TypeBase.FindAnnotation(MixinAnnotations.Mixins)?.Value as string ?? string.Empty).Split(','))
                .Where(m => m.Length > 0)
                .ToHashSet(StringComparer.Ordinal);
            var excluded = mixins.Contains("temporal")
                ? table.Columns
                    .Where(c => c.PropertyMappings.Any(m => m.Property.FindAnnotation(MixinAnnotations.ExcludeFromHistory)?.Value is true))
                    .Select(c => c.Name)
                    .ToHashSet(StringComparer.Ordinal)
                : [];
            if (mixins.Overlaps(["reference", "transactional", "temporal"]))
            {
                string[] bump = [.. new[] { MixinColumns.UpdatedAt, MixinColumns.Systime }.Where(c => definition.FindColumn(c) is not null)];
                string[] keep = mixins.Contains("transactional") && definition.FindColumn(MixinColumns.CreatedAt) is not null ? [MixinColumns.CreatedAt] : [];
                string[] version = mixins.Contains("temporal") && definition.FindColumn(MixinColumns.EffectiveTime) is not null
                    ? [MixinColumns.EffectiveTime]
                    : [];
                if (bump.Length + version.Length > 0)
                {
                    functions.Add(MixinTriggerSql.TouchFunction(definition, bump, keep, version, [.. excluded.Order(StringComparer.Ordinal)]));
                    triggers.Add(MixinTriggerSql.TouchTrigger(definition.Schema, definition.Name));
                }
            }

            if (mixins.Contains("temporal"))
            {
                var tracked = definition.Columns.Select(c => c.Name).Where(c => !excluded.Contains(c)).ToList();
                tables.Add(MixinTriggerSql.HistoryTable(definition, tracked));
                functions.Add(MixinTriggerSql.HistoryFunction(definition, tracked));
                triggers.AddRange(MixinTriggerSql.HistoryTriggers(definition));
                retiredTriggers.AddRange(MixinTriggerSql.RetiredHistoryTriggers(definition));
            }
        }

        return new SchemaSnapshot([.. schemas], enums, functions, tables, triggers)
        {
            RetiredTriggers = retiredTriggers,
            RetiredFunctions = [MixinTriggerSql.RetiredTouchFunction],
        };
    }

    private static TableDefinition ReadTable(ITable table)
    {
        var schema = table.Schema ?? DefaultSchema;
        var storeObject = StoreObjectIdentifier.Table(table.Name, table.Schema);
        var keyColumns = table.PrimaryKey?.Columns.Select(c => c.Name).ToList() ?? [];
        var columns = table.Columns
            .OrderBy(c => keyColumns.IndexOf(c.Name) is var i && i >= 0 ? i : int.MaxValue)
            .ThenBy(c => c.Order ?? int.MaxValue)
            .Select(c => ReadColumn(c, storeObject))
            .ToList();

        return new TableDefinition(
            schema,
            table.Name,
            columns,
            table.PrimaryKey is { } pk ? new KeyDefinition(pk.Name, [.. pk.Columns.Select(c => c.Name)]) : null,
            [.. table.UniqueConstraints.Where(u => !u.GetIsPrimaryKey()).OrderBy(u => u.Name, StringComparer.Ordinal)
                .Select(u => new KeyDefinition(u.Name, [.. u.Columns.Select(c => c.Name)]))],
            [.. table.CheckConstraints.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new CheckDefinition(c.Name!, c.Sql))],
            [.. table.ForeignKeyConstraints.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => new ForeignKeyDefinition(
                f.Name,
                [.. f.Columns.Select(c => c.Name)],
                f.PrincipalTable.Schema ?? DefaultSchema,
                f.PrincipalTable.Name,
                [.. f.PrincipalColumns.Select(c => c.Name)],
                OnDelete(f.OnDeleteAction)))],
            [.. table.Indexes.OrderBy(i => i.Name, StringComparer.Ordinal).Select(i => new IndexDefinition(
                i.Name,
                [.. i.Columns.Select(c => c.Name)],
                i.IsUnique,
                i.Filter,
                i.MappedIndexes.Select(m => m.GetMethod()).FirstOrDefault(m => m is not null) ?? "btree"))],
            IsHistory: false)
        {
            RetiredColumns = [.. table.EntityTypeMappings
                .Select(m => m.TypeBase[MixinAnnotations.RetiredColumns] as string)
                .Where(r => !string.IsNullOrEmpty(r))
                .SelectMany(r => r!.Split(','))
                .Distinct(StringComparer.Ordinal)],
            StorageParameters = TableStorageParameters.FromModel(table),
        };
    }

    private static ColumnDefinition ReadColumn(IColumn column, StoreObjectIdentifier storeObject)
    {
        if (column.ComputedColumnSql is not null)
        {
            throw new NotSupportedException(
                $"Column {storeObject.DisplayName()}.{column.Name} is computed; the schema deployer does not deploy computed columns.");
        }

        var property = column.PropertyMappings.First().Property;
        var identity = property.GetValueGenerationStrategy(storeObject) switch
        {
            NpgsqlValueGenerationStrategy.IdentityByDefaultColumn or NpgsqlValueGenerationStrategy.SerialColumn => "BY DEFAULT",
            NpgsqlValueGenerationStrategy.IdentityAlwaysColumn => "ALWAYS",
            _ => null,
        };
        var defaultSql = column.DefaultValueSql
            ?? (column.DefaultValue is { } value and not DBNull ? column.StoreTypeMapping.GenerateSqlLiteral(value) : null);
        return new ColumnDefinition(column.Name, column.StoreType, column.IsNullable, identity is null ? defaultSql : null, identity);
    }

    private static string OnDelete(ReferentialAction action) => action switch
    {
        ReferentialAction.Cascade => "CASCADE",
        ReferentialAction.Restrict => "RESTRICT",
        ReferentialAction.SetNull => "SET NULL",
        ReferentialAction.SetDefault => "SET DEFAULT",
        _ => "NO ACTION",
    };
}
