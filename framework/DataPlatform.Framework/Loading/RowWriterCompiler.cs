using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Query;
using Npgsql;
using NpgsqlTypes;

namespace DataPlatform.Framework.Loading;

/// <summary>
/// Compiles per-entity delegates once with expression trees: the row writer (typed <c>NpgsqlBinaryImporter.Write&lt;T&gt;</c>
/// calls with value converters, null handling and cheap validation inlined), and value extractors for keys and record
/// hashes. No reflection runs per row.
/// </summary>
internal static class RowWriterCompiler
{
    private static readonly MethodInfo s_writeWithDbType = FindWrite(typeof(NpgsqlDbType));
    private static readonly MethodInfo s_writeWithTypeName = FindWrite(typeof(string));
    private static readonly MethodInfo s_writeNull = typeof(NpgsqlBinaryImporter).GetMethod(nameof(NpgsqlBinaryImporter.WriteNull), Type.EmptyTypes)!;
    private static readonly MethodInfo s_nullIntoNotNull = typeof(RowChecks).GetMethod(nameof(RowChecks.NullIntoNotNull))!;
    private static readonly MethodInfo s_length = typeof(RowChecks).GetMethod(nameof(RowChecks.Length))!;
    private static readonly MethodInfo s_numeric = typeof(RowChecks).GetMethod(nameof(RowChecks.Numeric))!;
    private static readonly MethodInfo s_utc = typeof(RowChecks).GetMethod(nameof(RowChecks.Utc))!;
    private static readonly MethodInfo s_toLabel = typeof(EnumLabelMap).GetMethod(nameof(EnumLabelMap.ToLabel))!;
    private static readonly MethodInfo s_checkLabel = typeof(EnumLabelMap).GetMethod(nameof(EnumLabelMap.CheckLabel))!;

    /// <summary>Writes every column of one row (the caller starts the row).</summary>
    public static Action<NpgsqlBinaryImporter, T> CompileWriter<T>(IReadOnlyList<ColumnMap> columns)
    {
        var importer = Expression.Parameter(typeof(NpgsqlBinaryImporter), "importer");
        var row = Expression.Parameter(typeof(T), "row");
        var statements = new List<Expression>();
        foreach (var column in columns)
        {
            var onNull = column.IsNullable
                ? (Expression)Expression.Call(importer, s_writeNull)
                : Expression.Call(s_nullIntoNotNull, Expression.Constant(column.Name));
            statements.Add(ValueStatement(row, column, value => Write(importer, column, value), onNull));
        }

        statements.Add(Expression.Empty());
        return Expression.Lambda<Action<NpgsqlBinaryImporter, T>>(Expression.Block(statements), importer, row).Compile();
    }

    /// <summary>Fills an array with the provider values of <paramref name="columns"/> (enum values as labels; null for NULL).</summary>
    public static Action<T, object?[]> CompileValueReader<T>(IReadOnlyList<ColumnMap> columns)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var target = Expression.Parameter(typeof(object?[]), "values");
        var statements = new List<Expression>();
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var slot = Expression.ArrayAccess(target, Expression.Constant(i));
            statements.Add(ValueStatement(
                row,
                column,
                value => Expression.Assign(slot, Expression.Convert(Labelled(column, value), typeof(object))),
                Expression.Assign(slot, Expression.Constant(null, typeof(object)))));
        }

        statements.Add(Expression.Empty());
        return Expression.Lambda<Action<T, object?[]>>(Expression.Block(statements), row, target).Compile();
    }

    // value → checks → importer.Write<TProvider>(value, NpgsqlDbType | dataTypeName)
    private static Expression Write(ParameterExpression importer, ColumnMap column, Expression value)
    {
        var name = Expression.Constant(column.Name);
        value = Labelled(column, value);
        if (value.Type == typeof(string) && column.MaxLength is int maxLength)
        {
            value = Expression.Call(s_length, value, Expression.Constant(maxLength), name);
        }
        else if (value.Type == typeof(decimal) && column.Precision is int precision)
        {
            value = Expression.Call(s_numeric, value, Expression.Constant(precision), Expression.Constant(column.Scale ?? 0), name);
        }
        else if (value.Type == typeof(DateTime) && column.IsTimestampTz)
        {
            value = Expression.Call(s_utc, value, name);
        }

        return column.DbType is { } dbType
            ? Expression.Call(importer, s_writeWithDbType.MakeGenericMethod(value.Type), value, Expression.Constant(dbType))
            : Expression.Call(importer, s_writeWithTypeName.MakeGenericMethod(value.Type), value, Expression.Constant(column.DataTypeName));
    }

    private static Expression Labelled(ColumnMap column, Expression value)
    {
        if (column.EnumLabels is not { } labels)
        {
            return value;
        }

        var name = Expression.Constant(column.Name);
        return value.Type.IsEnum
            ? Expression.Call(Expression.Constant(labels), s_toLabel.MakeGenericMethod(value.Type), value, name)
            : value.Type == typeof(string)
                ? Expression.Call(Expression.Constant(labels), s_checkLabel, value, name)
                : value;
    }

    // Reads the member, applies the value converter and branches on NULL: onValue(non-null provider value) or onNull.
    private static BlockExpression ValueStatement(ParameterExpression row, ColumnMap column, Func<Expression, Expression> onValue, Expression onNull)
    {
        var member = Expression.MakeMemberAccess(row, column.Member);
        var modelValue = Expression.Variable(member.Type, "model");
        var variables = new List<ParameterExpression> { modelValue };

        Expression Convert(Expression nonNullModel)
        {
            if (column.Converter is null)
            {
                return onValue(nonNullModel);
            }

            var lambda = column.Converter.ConvertToProviderExpression;
            var input = lambda.Parameters[0];
            var argument = nonNullModel.Type == input.Type ? nonNullModel : Expression.Convert(nonNullModel, input.Type);
            var provider = ReplacingExpressionVisitor.Replace(input, argument, lambda.Body);
            var providerValue = Expression.Variable(provider.Type, "provider");
            variables.Add(providerValue);
            return Expression.Block(
                Expression.Assign(providerValue, provider),
                NullBranch(providerValue, onValue, onNull));
        }

        return Expression.Block(
            variables,
            Expression.Assign(modelValue, member),
            NullBranch(modelValue, Convert, onNull));
    }

    private static Expression NullBranch(ParameterExpression value, Func<Expression, Expression> onValue, Expression onNull)
    {
        if (Nullable.GetUnderlyingType(value.Type) is not null)
        {
            return Expression.IfThenElse(
                Expression.Property(value, "HasValue"),
                onValue(Expression.Call(value, value.Type.GetMethod("GetValueOrDefault", Type.EmptyTypes)!)),
                onNull);
        }

        if (!value.Type.IsValueType)
        {
            return Expression.IfThenElse(Expression.NotEqual(value, Expression.Constant(null, value.Type)), onValue(value), onNull);
        }

        return onValue(value);
    }

    private static MethodInfo FindWrite(Type secondParameter) =>
        typeof(NpgsqlBinaryImporter).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Single(m => m.Name == nameof(NpgsqlBinaryImporter.Write)
                && m.IsGenericMethodDefinition
                && m.GetParameters() is { Length: 2 } p
                && p[1].ParameterType == secondParameter);
}
