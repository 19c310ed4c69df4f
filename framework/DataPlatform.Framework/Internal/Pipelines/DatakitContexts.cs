using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>Creates a datakit context of a type known only at run time (its constructor takes its <c>DbContextOptions</c>).</summary>
internal static class DatakitContexts
{
    public static DbContext Create(Type contextType, Action<DbContextOptionsBuilder> configure)
    {
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType))!;
        configure(builder);
        return (DbContext)(Activator.CreateInstance(contextType, builder.Options)
            ?? throw new InvalidOperationException($"{contextType.Name} needs a public constructor taking its DbContextOptions."));
    }

    /// <summary>A context of <paramref name="contextType"/> without a connection, for reading its model.</summary>
    public static DbContext ForModel(Type contextType) => Create(contextType, b => b.UseNpgsql());
}
