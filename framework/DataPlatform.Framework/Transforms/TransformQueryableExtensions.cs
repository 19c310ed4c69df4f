using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Query;

namespace DataPlatform.Framework.Transforms;

/// <summary>Query helpers for transforms that translate to set-based SQL and run the same in memory.</summary>
public static class TransformQueryableExtensions
{
    /// <summary>
    /// Keeps, for every key, only the latest row by <paramref name="order"/>: <c>WHERE NOT EXISTS (a row with the same key
    /// and a greater order)</c>. A batch with two rows for one key breaks <c>ON CONFLICT</c>, so dedupe bronze rows with this
    /// before upserting. (The "latest per group" GroupBy shape crashes EF Core 10, dotnet/efcore#31209.) Keys and orders
    /// may be composite (<c>r =&gt; new { r.A, r.B }</c>, compared lexicographically); rows tied on the order all stay.
    /// </summary>
    /// <param name="source">The rows.</param>
    /// <param name="key">The key: <c>r =&gt; r.FilmId</c>.</param>
    /// <param name="order">What makes a row later: <c>r =&gt; r.DpBatchId</c>.</param>
    public static IQueryable<T> LatestPerKey<T, TKey, TOrder>(
        this IQueryable<T> source,
        Expression<Func<T, TKey>> key,
        Expression<Func<T, TOrder>> order)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(order);
        var row = Expression.Parameter(typeof(T), "row");
        var newer = Expression.Parameter(typeof(T), "newer");
        var sameKey = Parts(key, newer).Zip(Parts(key, row), Expression.Equal).Aggregate(Expression.AndAlso);
        var later = Later(Parts(order, newer), Parts(order, row));
        var exists = Expression.Call(
            QueryableMethods.AnyWithPredicate.MakeGenericMethod(typeof(T)),
            source.Expression,
            Expression.Quote(Expression.Lambda<Func<T, bool>>(Expression.AndAlso(sameKey, later), newer)));
        var predicate = Expression.Lambda<Func<T, bool>>(Expression.Not(exists), row);
        return source.Provider.CreateQuery<T>(Expression.Call(QueryableMethods.Where.MakeGenericMethod(typeof(T)), source.Expression, Expression.Quote(predicate)));
    }

    /// <summary>
    /// Looks up the row of <paramref name="dimension"/> that <paramref name="match"/> selects, or NULL when there is none:
    /// write it as a <c>from</c> clause, <c>from c in customers.LookUp(d =&gt; d.CustomerId == r.CustomerId)</c>, and use
    /// <c>c</c> in the rules and the map (<c>(long?)c.CustomerKey</c> is NULL when nothing matched). In the server it is one
    /// <c>LEFT JOIN</c>, evaluated once per row and shared by the rules and the projection; in memory it is the same left
    /// join over lists. Match a unique key (<c>d.FilmId == i.FilmId</c>) or a key plus a validity range that does not
    /// overlap (an SCD2 dimension: <c>d.CustomerId == r.CustomerId &amp;&amp; d.ValidFrom &lt;= r.RentalDate &amp;&amp;
    /// (d.ValidTo == null || d.ValidTo &gt; r.RentalDate)</c>): a second matching row would repeat the input row, which the
    /// target's key then rejects. For aggregates over child rows, left-join a grouped query with
    /// <see cref="Queryable.LeftJoin{TOuter, TInner, TKey, TResult}(IQueryable{TOuter}, IEnumerable{TInner}, Expression{Func{TOuter, TKey}}, Expression{Func{TInner, TKey}}, Expression{Func{TOuter, TInner, TResult}})"/>
    /// instead, which becomes one grouped join.
    /// </summary>
    /// <param name="dimension">The rows looked up.</param>
    /// <param name="match">Selects the one row that belongs to the outer row.</param>
    public static IQueryable<T?> LookUp<T>(this IQueryable<T> dimension, Expression<Func<T, bool>> match)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(dimension);
        ArgumentNullException.ThrowIfNull(match);
        return dimension.Where(match).DefaultIfEmpty();
    }

    // (a1, a2) > (b1, b2)  ==  a1 > b1 OR (a1 = b1 AND a2 > b2)
    private static Expression Later(IReadOnlyList<Expression> newer, IReadOnlyList<Expression> row)
    {
        Expression result = Expression.GreaterThan(newer[^1], row[^1]);
        for (var i = newer.Count - 2; i >= 0; i--)
        {
            result = Expression.OrElse(Expression.GreaterThan(newer[i], row[i]), Expression.AndAlso(Expression.Equal(newer[i], row[i]), result));
        }

        return result;
    }

    private static List<Expression> Parts(LambdaExpression selector, ParameterExpression parameter)
    {
        var body = ReplacingExpressionVisitor.Replace(selector.Parameters[0], parameter, selector.Body);
        return body is NewExpression { Members: not null } created ? [.. created.Arguments] : [body];
    }
}
