namespace DataPlatform.Framework.Schema;

/// <summary>The deployer could not connect to the database. The message names the server but never the password.</summary>
public sealed class SchemaConnectionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SchemaConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SchemaConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SchemaConnectionException()
        : base("Cannot connect to the database.")
    {
    }
}
