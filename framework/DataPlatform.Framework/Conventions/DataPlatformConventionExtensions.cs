using DataPlatform.Framework.Conventions;

// Fluent registration lives in EF's namespace for discoverability, as Npgsql.EntityFrameworkCore.PostgreSQL does.
#pragma warning disable IDE0130
namespace Microsoft.EntityFrameworkCore;
#pragma warning restore IDE0130

/// <summary>Registers the DataPlatform conventions (snake_case naming and table mixins) on any EF Core context.</summary>
public static class DataPlatformConventionExtensions
{
    /// <summary>
    /// Adds snake_case naming and the mixin conventions. <see cref="DataPlatform.Framework.Datakits.DatakitDbContext"/>
    /// calls this itself; call it from <c>ConfigureConventions</c> of other contexts.
    /// </summary>
    public static ModelConfigurationBuilder AddDataPlatformConventions(this ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Conventions.Add(_ => new MixinConvention());
        configurationBuilder.Conventions.Add(_ => new SnakeCaseNamingConvention());
        return configurationBuilder;
    }
}
