using System.Reflection;
using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.DeployDatakit.Datakits;

/// <summary>One <c>[assembly: Datakit(...)]</c> marker found in a loaded datakit, and how to build its context.</summary>
internal sealed record LoadedDatakit(DatakitAttribute Marker, string SourcePath)
{
    public string DisplayName => $"{Marker.System} {Marker.Layer.ToString().ToLowerInvariant()} ({Marker.ContextType.Name})";

    /// <summary>Creates the context with Npgsql options; without a connection string it can still build its model.</summary>
    public DbContext CreateContext(string? connectionString)
    {
        var contextType = Marker.ContextType;
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType))!;
        if (string.IsNullOrEmpty(connectionString))
        {
            builder.UseNpgsql();
        }
        else
        {
            builder.UseNpgsql(connectionString);
        }

        var options = builder.Options;
        var constructor = contextType.GetConstructors().FirstOrDefault(c =>
                c.GetParameters() is [var parameter] && parameter.ParameterType.IsAssignableFrom(options.GetType()))
            ?? throw new DatakitLoadException(
                $"{contextType.FullName} needs a public constructor taking DbContextOptions (or DbContextOptions<{contextType.Name}>).");
        try
        {
            return (DbContext)constructor.Invoke([options]);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw new DatakitLoadException($"Creating {contextType.FullName} failed: {exception.InnerException.Message}", exception.InnerException);
        }
    }
}
