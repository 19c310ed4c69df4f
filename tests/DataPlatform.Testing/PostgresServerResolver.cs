namespace DataPlatform.Testing;

/// <summary>
/// Decides where the test server comes from, in this order: the <c>DATAPLATFORM_TEST_PG</c> connection string, a
/// Testcontainers container when a Docker engine answers, an ephemeral local cluster when the PostgreSQL binaries are
/// installed; otherwise fails with one message naming the three options. Tests are never skipped.
/// </summary>
internal static class PostgresServerResolver
{
    public const string EnvironmentVariable = "DATAPLATFORM_TEST_PG";

    public static string NoServerMessage =>
        "No PostgreSQL 15 server is available for the tests. Use one of:" + Environment.NewLine
        + $"  1. set {EnvironmentVariable} to a superuser connection string, e.g. "
        + "'Host=127.0.0.1;Port=5432;Username=postgres;Password=...;Database=postgres' (scripts/pg-local.sh start prints one);" + Environment.NewLine
        + "  2. run a Docker engine, so that Testcontainers can start a postgres:15 container;" + Environment.NewLine
        + "  3. install the PostgreSQL 15 server binaries ('apt-get install postgresql'), so that an ephemeral cluster "
        + "is started with initdb/pg_ctl.";

    /// <summary>Returns the source to use; the probes are called only when the earlier options are not available.</summary>
    /// <exception cref="PostgresServerUnavailableException">None of the three options is available.</exception>
    public static PostgresServerSource Resolve(string? environmentValue, Func<bool> isDockerAvailable, Func<bool> areLocalBinariesAvailable)
    {
        ArgumentNullException.ThrowIfNull(isDockerAvailable);
        ArgumentNullException.ThrowIfNull(areLocalBinariesAvailable);
        if (!string.IsNullOrWhiteSpace(environmentValue))
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
}
