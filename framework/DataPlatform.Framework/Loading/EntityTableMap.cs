using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Naming;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

namespace DataPlatform.Framework.Loading;

/// <summary>
/// What the loader needs to know about one entity's table, read once from the EF Core model: schema, table, the columns
/// it writes (store types, converters, limits), the key and the mixins.
/// </summary>
internal sealed class EntityTableMap
{
    // Mixin columns the database fills (defaults now() and the touch trigger); COPY leaves them out.
    private static readonly HashSet<string> s_databaseManagedColumns = new(StringComparer.Ordinal)
    {
        MixinColumns.Systime, MixinColumns.CreatedAt, MixinColumns.UpdatedAt, MixinColumns.EffectiveTime,
    };

    private EntityTableMap(IEntityType entityType, string schema, string table)
    {
        EntityType = entityType;
        Schema = schema;
        Table = table;
        QualifiedName = SqlIdentifier.Quote(schema, table);
        DisplayName = schema + "." + table;
    }

    public IEntityType EntityType { get; }

    public string Schema { get; }

    public string Table { get; }

    /// <summary><c>"schema"."table"</c>.</summary>
    public string QualifiedName { get; }

    /// <summary><c>schema.table</c>, for messages.</summary>
    public string DisplayName { get; }

    /// <summary>The columns COPY writes, in COPY order.</summary>
    public IReadOnlyList<ColumnMap> Columns { get; private set; } = [];

    /// <summary>The conflict key of upsert/sync/replace; empty when the entity has none the loader writes.</summary>
    public IReadOnlyList<ColumnMap> KeyColumns { get; private set; } = [];

    /// <summary>The columns that identify a row in error messages (the conflict key, else the written primary key columns).</summary>
    public IReadOnlyList<ColumnMap> RowKeyColumns { get; private set; } = [];

    /// <summary>The source columns of a bronze record in hash order (ordinal by column name, <c>dp_</c> columns excluded).</summary>
    public IReadOnlyList<ColumnMap> HashColumns { get; private set; } = [];

    public bool IsBronzeRecord { get; private set; }

    public bool IsReferenceData { get; private set; }

    /// <summary>The <c>inactivated_date</c> column name of a reference entity.</summary>
    public string? InactivatedDateColumn { get; private set; }

    public static EntityTableMap Create(IModel model, Type clrType, BulkLoadMode mode, IReadOnlyList<string>? keyProperties, IReadOnlyList<string>? properties = null)
    {
        var entityType = model.FindEntityType(clrType)
            ?? throw new ArgumentException($"{clrType.FullName} is not an entity of the model.", nameof(clrType));
        var table = entityType.GetTableName()
            ?? throw new ArgumentException($"{clrType.FullName} is not mapped to a table.", nameof(clrType));
        var schema = entityType.GetSchema() ?? model.GetDefaultSchema() ?? "public";
        var map = new EntityTableMap(entityType, schema, table);
        var storeObject = StoreObjectIdentifier.Table(table, schema);

        map.IsBronzeRecord = typeof(IBronzeRecord).IsAssignableFrom(clrType);
        map.IsReferenceData = typeof(IReferenceData).IsAssignableFrom(clrType);
        if (map.IsReferenceData)
        {
            map.InactivatedDateColumn = entityType.FindProperty(nameof(IReferenceData.InactivatedDate))?.GetColumnName(storeObject);
        }

        if (mode == BulkLoadMode.Sync && map.InactivatedDateColumn is null)
        {
            throw new ArgumentException($"Sync needs a reference entity (IReferenceData, column inactivated_date); {clrType.Name} is not one.", nameof(mode));
        }

        var enums = model.GetPostgresEnums().ToList();
        var columns = new List<ColumnMap>();
        foreach (var property in entityType.GetProperties())
        {
            var column = property.GetColumnName(storeObject);
            var member = (System.Reflection.MemberInfo?)property.PropertyInfo ?? property.FieldInfo;
            if (column is null || member is null || property.GetComputedColumnSql() is not null || IsIdentity(property, storeObject))
            {
                continue;
            }

            if (s_databaseManagedColumns.Contains(column) && (property.GetDefaultValueSql() is not null || property.TryGetDefaultValue(out _)))
            {
                continue;
            }

            if (mode == BulkLoadMode.Sync && column == map.InactivatedDateColumn)
            {
                continue;
            }

            columns.Add(CreateColumn(property, column, storeObject, enums));
        }

        map.KeyColumns = ResolveKey(map, entityType, keyProperties, columns);
        if (properties is not null)
        {
            var unknown = properties.Where(p => entityType.FindProperty(p) is null).ToList();
            if (unknown.Count > 0)
            {
                throw new ArgumentException($"{string.Join(", ", unknown)} is not a property of {clrType.Name}.", nameof(properties));
            }

            columns = columns.Where(c => properties.Contains(c.Property.Name) || map.KeyColumns.Contains(c)).ToList();
        }

        map.Columns = columns;
        var primaryKey = entityType.FindPrimaryKey()?.Properties.Select(p => columns.FirstOrDefault(c => c.Property == p)).ToList();
        map.RowKeyColumns = map.KeyColumns.Count > 0
            ? map.KeyColumns
            : primaryKey is not null && primaryKey.All(c => c is not null) ? primaryKey.Select(c => c!).ToList() : [];
        map.HashColumns = columns.Where(c => !c.IsBronzeMetadata).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        if (mode is BulkLoadMode.Upsert or BulkLoadMode.Sync && map.KeyColumns.Count == 0)
        {
            throw new ArgumentException(
                $"{mode} into {map.DisplayName} needs a key the loader writes: set BulkLoadOptions.KeyProperties (a natural key with a unique index) or give the entity a non-generated primary key.",
                nameof(keyProperties));
        }

        return map;
    }

    private static List<ColumnMap> ResolveKey(EntityTableMap map, IEntityType entityType, IReadOnlyList<string>? keyProperties, List<ColumnMap> columns)
    {
        IReadOnlyList<string>? names = keyProperties;
        if (names is null)
        {
            var primaryKey = entityType.FindPrimaryKey();
            if (primaryKey is not null && primaryKey.Properties.All(p => columns.Any(c => c.Property == p)))
            {
                return primaryKey.Properties.Select(p => columns.First(c => c.Property == p)).ToList();
            }

            if (entityType.FindAnnotation(MixinAnnotations.NaturalKey)?.Value is string natural)
            {
                names = natural.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            }
        }

        if (names is null)
        {
            return [];
        }

        return names.Select(name =>
            columns.FirstOrDefault(c => c.Property.Name == name)
            ?? throw new ArgumentException($"Key property '{name}' is not a column the loader writes into {map.DisplayName}.", nameof(keyProperties)))
            .ToList();
    }

    private static bool IsIdentity(IProperty property, StoreObjectIdentifier storeObject) =>
        property.ValueGenerated != ValueGenerated.Never
        && property.GetValueGenerationStrategy(storeObject) is NpgsqlValueGenerationStrategy.IdentityAlwaysColumn
            or NpgsqlValueGenerationStrategy.IdentityByDefaultColumn
            or NpgsqlValueGenerationStrategy.SerialColumn;

    private static ColumnMap CreateColumn(IProperty property, string column, StoreObjectIdentifier storeObject, List<PostgresEnum> enums)
    {
        var storeType = property.GetColumnType(storeObject);
        var converter = property.GetTypeMapping().Converter;
        var providerType = converter?.ProviderClrType ?? property.ClrType;
        providerType = Nullable.GetUnderlyingType(providerType) ?? providerType;
        var baseName = StoreTypes.BaseName(storeType);
        var modifiers = StoreTypes.Modifiers(storeType);
        var isArray = StoreTypes.IsArray(storeType);

        var pgEnum = isArray ? null : enums.FirstOrDefault(e =>
            string.Equals(e.Name, baseName.Trim('"'), StringComparison.Ordinal)
            || (e.Schema is not null && string.Equals(e.Schema + "." + e.Name, baseName.Replace("\"", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal)));
        EnumLabelMap? labels = null;
        if (providerType.IsEnum || pgEnum is not null)
        {
            labels = EnumLabelMap.Create(pgEnum?.Name ?? baseName, providerType.IsEnum ? providerType : null, pgEnum?.Labels);
        }

        NpgsqlDbType? dbType = null;
        string? dataTypeName = null;
        if (labels is not null)
        {
            // Binary COPY hands the bytes to the column's receive function: an enum label travels as text.
            dbType = NpgsqlDbType.Text;
        }
        else if (StoreTypes.ScalarDbType(baseName) is { } scalar)
        {
            dbType = isArray ? NpgsqlDbType.Array | scalar : scalar;
        }
        else
        {
            dataTypeName = storeType;
        }

        int? maxLength = StoreTypes.HasLengthLimit(baseName) ? (modifiers.Length > 0 ? modifiers[0] : property.GetMaxLength()) : null;
        int? precision = null;
        int? scale = null;
        if (StoreTypes.IsNumeric(baseName))
        {
            precision = modifiers.Length > 0 ? modifiers[0] : property.GetPrecision();
            scale = modifiers.Length > 1 ? modifiers[1] : property.GetScale() ?? (precision is null ? null : 0);
        }

        return new ColumnMap
        {
            Property = property,
            Name = column,
            StoreType = storeType,
            Member = (System.Reflection.MemberInfo?)property.PropertyInfo ?? property.FieldInfo!,
            IsNullable = property.IsColumnNullable(storeObject),
            Converter = converter,
            ProviderType = providerType,
            DbType = dbType,
            DataTypeName = dataTypeName,
            MaxLength = isArray ? null : maxLength,
            Precision = isArray ? null : precision,
            Scale = isArray ? null : scale,
            EnumLabels = labels,
            IsTimestampTz = !isArray && StoreTypes.IsTimestampTz(baseName),
            IsBronzeMetadata = column.StartsWith("dp_", StringComparison.Ordinal),
        };
    }
}
