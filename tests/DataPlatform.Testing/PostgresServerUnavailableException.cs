namespace DataPlatform.Testing;

/// <summary>No PostgreSQL server could be found or started for the tests; the message lists the options.</summary>
public sealed class PostgresServerUnavailableException : Exception
{
    /// <summary>Creates the exception with the standard explanation.</summary>
    public PostgresServerUnavailableException()
        : this(PostgresServerResolver.NoServerMessage)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public PostgresServerUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public PostgresServerUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
