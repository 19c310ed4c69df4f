using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Framework.Datakits;

/// <summary>Creates a context from its type: the one constructor taking <see cref="DbContextOptions"/>, with Npgsql options.</summary>
internal static class DatakitContexts
{
    /// <summary>Creates <paramref name="contextType"/>; without a connection string it can still build its model.</summary>
    /// <exception cref="InvalidOperationException">The type has no public constructor taking DbContextOptions.</exception>
    public static DbContext Create(Type contextType, string? connectionString) =>
        Create(contextType, builder =>
        {
            if (string.IsNullOrEmpty(connectionString))
            {
                builder.UseNpgsql();
            }
            else
            {
                builder.UseNpgsql(connectionString);
            }
        });

    /// <summary>A context of <paramref name="contextType"/> without a connection, for reading its model.</summary>
    public static DbContext ForModel(Type contextType) => Create(contextType, (string?)null);

    /// <summary>Creates <paramref name="contextType"/> with options set up by <paramref name="configure"/> (e.g. on an open connection).</summary>
    public static DbContext Create(Type contextType, Action<DbContextOptionsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(contextType);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType))!;
        configure(builder);
        var options = builder.Options;
        var constructor = contextType.GetConstructors().FirstOrDefault(c =>
                c.GetParameters() is [var parameter] && parameter.ParameterType.IsAssignableFrom(options.GetType()))
            ?? throw new InvalidOperationException(
                $"{contextType.FullName} needs a public constructor taking DbContextOptions (or DbContextOptions<{contextType.Name}>).");
        try
        {
            return (DbContext)constructor.Invoke([options]);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw new InvalidOperationException($"Creating {contextType.FullName} failed: {exception.InnerException.Message}", exception.InnerException);
        }
    }
}
