namespace DataPlatform.LocalPostgres;

/// <summary>
/// Thrown when the PostgreSQL server binaries (<c>initdb</c>, <c>pg_ctl</c>) or the <c>psql</c> client cannot be found.
/// The message says what to install or which connection string to use instead.
/// </summary>
public sealed class PostgresBinariesNotFoundException : Exception
{
    /// <summary>Creates the exception with the default explanation.</summary>
    public PostgresBinariesNotFoundException()
        : this(DefaultMessage)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public PostgresBinariesNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public PostgresBinariesNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The explanation used when no specific message is given.</summary>
    public static string DefaultMessage =>
        "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH nor under /usr/lib/postgresql/<major>/bin. "
        + "Install them (Debian/Ubuntu: 'apt-get install postgresql'; PostgreSQL 15 is the supported version), "
        + "or point the tool at an existing server instead: a connection-string option, "
        + "DATAPLATFORM_TEST_PG for the test suites, DATAPLATFORM_WAREHOUSE/DATAPLATFORM_SOURCE for the hosts.";
}
