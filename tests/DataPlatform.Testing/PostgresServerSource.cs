namespace DataPlatform.Testing;

/// <summary>Where the <see cref="PostgresServer"/> of a test run comes from.</summary>
public enum PostgresServerSource
{
    /// <summary>The connection string in the <c>DATAPLATFORM_TEST_PG</c> environment variable.</summary>
    Environment,

    /// <summary>A <c>postgres:15</c> container started with Testcontainers (a Docker engine answered).</summary>
    Testcontainers,

    /// <summary>An ephemeral cluster from the locally installed PostgreSQL binaries (<c>initdb</c> + <c>pg_ctl</c>).</summary>
    LocalCluster,
}
