namespace DataPlatform.LocalPostgres;

/// <summary>
/// Thrown when a local PostgreSQL cluster cannot be created, started or stopped. The message includes the failing
/// command and its standard error output.
/// </summary>
public sealed class LocalPostgresException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public LocalPostgresException()
        : this("The local PostgreSQL cluster failed.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public LocalPostgresException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public LocalPostgresException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
