namespace DataPlatform.Hosting;

/// <summary>Environment variables a host reads when an option is not given.</summary>
internal static class EnvironmentVariables
{
    /// <summary>Connection string of the source database (fallback for <c>--source</c>).</summary>
    public const string Source = "DATAPLATFORM_SOURCE";

    /// <summary>Connection string of the warehouse database (fallback for <c>--warehouse</c>).</summary>
    public const string Warehouse = "DATAPLATFORM_WAREHOUSE";

    /// <summary>Directory holding the embedded cluster (fallback for <c>--data-dir</c>; default <c>&lt;repo or current dir&gt;/.dataplatform</c>).</summary>
    public const string Home = "DATAPLATFORM_HOME";

    /// <summary>Set to <c>true</c> by CI systems: no live progress, plain log lines.</summary>
    public const string Ci = "CI";

    /// <summary>The option's value, else the environment variable's, else null.</summary>
    public static string? Fallback(string? value, string environmentVariable) =>
        !string.IsNullOrWhiteSpace(value) ? value
            : Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : null;
}
