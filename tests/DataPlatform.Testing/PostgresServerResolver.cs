namespace DataPlatform.Testing;

/// <summary>
/// Decides where the test server comes from, in this order: the <c>DATAPLATFORM_TEST_PG</c> connection string, a
/// Testcontainers container when a Docker engine answers, an ephemeral local cluster when the PostgreSQL binaries are
/// installed; otherwise fails with one message naming the three options. Tests are never skipped.
/// <c>DATAPLATFORM_TEST_PG_SOURCE</c> (<c>env</c>, <c>testcontainers</c>, <c>local</c>) allows only the path it names, and
/// <c>DATAPLATFORM_EXPECT_PG</c> (same values) fails the run when another path was chosen.
/// </summary>
internal static class PostgresServerResolver
{
    public const string EnvironmentVariable = "DATAPLATFORM_TEST_PG";

    /// <summary>Allows only the named path: <c>env</c>, <c>testcontainers</c> or <c>local</c>; unset or <c>auto</c>: the usual order.</summary>
    public const string SourceVariable = "DATAPLATFORM_TEST_PG_SOURCE";

    /// <summary>The path the run must have taken (<c>env</c>, <c>testcontainers</c> or <c>local</c>); CI sets it.</summary>
    public const string ExpectVariable = "DATAPLATFORM_EXPECT_PG";

    private const string ValidNames = "'env', 'testcontainers' or 'local'";

    public static string NoServerMessage =>
        "No PostgreSQL 15 server is available for the tests. Use one of:" + Environment.NewLine
        + $"  1. set {EnvironmentVariable} to a superuser connection string, e.g. "
        + "'Host=127.0.0.1;Port=5432;Username=postgres;Password=...;Database=postgres' (scripts/pg-local.sh start prints one);" + Environment.NewLine
        + "  2. run a Docker engine, so that Testcontainers can start a postgres:15 container;" + Environment.NewLine
        + "  3. install the PostgreSQL 15 server binaries ('apt-get install postgresql'), so that an ephemeral cluster "
        + "is started with initdb/pg_ctl.";

    /// <summary>The name of a path in <see cref="SourceVariable"/>, <see cref="ExpectVariable"/> and the run's report.</summary>
    public static string NameOf(PostgresServerSource source) => source switch
    {
        PostgresServerSource.Environment => "env",
        PostgresServerSource.Testcontainers => "testcontainers",
        PostgresServerSource.LocalCluster => "local",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown PostgreSQL server source."),
    };

    /// <summary>Returns the source to use; the probes are called only when the earlier options are not available.</summary>
    /// <exception cref="PostgresServerUnavailableException">None of the three options is available.</exception>
    public static PostgresServerSource Resolve(string? environmentValue, Func<bool> isDockerAvailable, Func<bool> areLocalBinariesAvailable) =>
        Resolve(environmentValue, null, isDockerAvailable, areLocalBinariesAvailable);

    /// <summary>
    /// Returns the source to use. With <paramref name="requiredSource"/> (the value of <see cref="SourceVariable"/>) only
    /// that path is considered, and its absence is an error; the probes are called only when needed.
    /// </summary>
    /// <exception cref="PostgresServerUnavailableException">The allowed options are not available, or the required source is not a path name.</exception>
    public static PostgresServerSource Resolve(
        string? environmentValue, string? requiredSource, Func<bool> isDockerAvailable, Func<bool> areLocalBinariesAvailable)
    {
        ArgumentNullException.ThrowIfNull(isDockerAvailable);
        ArgumentNullException.ThrowIfNull(areLocalBinariesAvailable);
        var hasEnvironmentValue = !string.IsNullOrWhiteSpace(environmentValue);
        var required = string.Equals(requiredSource?.Trim(), "auto", StringComparison.OrdinalIgnoreCase)
            ? null
            : ParseName(requiredSource, SourceVariable);
        switch (required)
        {
            case null:
                break;
            case PostgresServerSource.Environment:
                return hasEnvironmentValue
                    ? PostgresServerSource.Environment
                    : throw new PostgresServerUnavailableException($"{SourceVariable}=env, but {EnvironmentVariable} is not set.");
            case PostgresServerSource.Testcontainers:
                return isDockerAvailable()
                    ? PostgresServerSource.Testcontainers
                    : throw new PostgresServerUnavailableException(
                        $"{SourceVariable}=testcontainers, but no Docker engine answers (start dockerd, or check DOCKER_HOST).");
            case PostgresServerSource.LocalCluster:
                return areLocalBinariesAvailable()
                    ? PostgresServerSource.LocalCluster
                    : throw new PostgresServerUnavailableException(
                        $"{SourceVariable}=local, but the PostgreSQL server binaries (initdb, pg_ctl) were not found; "
                        + "install them with 'apt-get install postgresql'.");
            default:
                throw new PostgresServerUnavailableException($"Unknown source {required}.");
        }

        if (hasEnvironmentValue)
        {
            return PostgresServerSource.Environment;
        }

        if (isDockerAvailable())
        {
            return PostgresServerSource.Testcontainers;
        }

        if (areLocalBinariesAvailable())
        {
            return PostgresServerSource.LocalCluster;
        }

        throw new PostgresServerUnavailableException(NoServerMessage);
    }

    /// <summary>Fails when <paramref name="expected"/> (the value of <see cref="ExpectVariable"/>) names another path than <paramref name="actual"/>.</summary>
    /// <exception cref="PostgresServerUnavailableException">The run took another path, or <paramref name="expected"/> is not a path name.</exception>
    public static void CheckExpectation(string? expected, PostgresServerSource actual)
    {
        var expectedSource = ParseName(expected, ExpectVariable);
        if (expectedSource is { } source && source != actual)
        {
            throw new PostgresServerUnavailableException(
                $"{ExpectVariable}={NameOf(source)}, but the tests chose '{NameOf(actual)}'. The order is: {EnvironmentVariable}, "
                + $"Testcontainers when a Docker engine answers, the local cluster; {SourceVariable} allows only one of them.");
        }
    }

    private static PostgresServerSource? ParseName(string? value, string variable)
    {
        var name = value?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        foreach (var source in Enum.GetValues<PostgresServerSource>())
        {
            if (string.Equals(NameOf(source), name, StringComparison.OrdinalIgnoreCase))
            {
                return source;
            }
        }

        throw new PostgresServerUnavailableException($"{variable} is '{value}'; use {ValidNames}.");
    }
}
