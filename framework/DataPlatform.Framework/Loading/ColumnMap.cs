using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NpgsqlTypes;

namespace DataPlatform.Framework.Loading;

/// <summary>One column the loader writes: where its value comes from and how it goes over the wire.</summary>
internal sealed record ColumnMap
{
    public required IProperty Property { get; init; }

    public required string Name { get; init; }

    public required string StoreType { get; init; }

    public required MemberInfo Member { get; init; }

    public required bool IsNullable { get; init; }

    public ValueConverter? Converter { get; init; }

    /// <summary>The CLR type written to the importer (after the value converter, nullable unwrapped).</summary>
    public required Type ProviderType { get; init; }

    /// <summary>The wire type, or null when <see cref="DataTypeName"/> is used.</summary>
    public NpgsqlDbType? DbType { get; init; }

    /// <summary>A PostgreSQL data type name used when no <see cref="DbType"/> fits.</summary>
    public string? DataTypeName { get; init; }

    /// <summary>varchar(n)/char(n) limit.</summary>
    public int? MaxLength { get; init; }

    public int? Precision { get; init; }

    public int? Scale { get; init; }

    /// <summary>Set when the column is a PostgreSQL enum, or a CLR enum written by label.</summary>
    public EnumLabelMap? EnumLabels { get; init; }

    public bool IsTimestampTz { get; init; }

    /// <summary>Bronze metadata column (<c>dp_</c> prefix), not part of the record hash.</summary>
    public bool IsBronzeMetadata { get; init; }
}
