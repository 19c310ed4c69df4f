using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// PostgreSQL's row version, <c>xmin</c> (the transaction that wrote the row), as a query can compare it: the change model
/// of a layer (<see cref="Pipelines.ReadModel"/> with row versions) maps it as a shadow property of every table, and
/// <see cref="Age"/> is <c>age(xid)</c>, the number of transactions since. A row written by transaction X or a later one has
/// an age no greater than X's; a frozen row has the largest age there is.
/// </summary>
internal static class RowVersions
{
    /// <summary>The system column and shadow property name.</summary>
    public const string Column = "xmin";

    private static readonly MethodInfo s_age = typeof(RowVersions).GetMethod(nameof(Age))!;

    /// <summary><c>age(xid)</c>: translated by the server, never run on the client.</summary>
    public static int Age(uint xid) => throw new InvalidOperationException($"{nameof(RowVersions)}.{nameof(Age)} runs in PostgreSQL only (age(xid)).");

    /// <summary>Adds the <c>xmin</c> shadow property to every entity mapped to a table, and the <c>age</c> function.</summary>
    public static void Map(ModelBuilder modelBuilder)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.FindProperty(Column) is null).ToList())
        {
            modelBuilder.Entity(entityType.Name).Property<uint>(Column).HasColumnName(Column).ValueGeneratedOnAddOrUpdate();
        }

        modelBuilder.HasDbFunction(s_age).HasName("age").IsBuiltIn();
    }
}
