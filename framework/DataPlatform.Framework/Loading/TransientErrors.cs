using Npgsql;

namespace DataPlatform.Framework.Loading;

/// <summary>Which failures are worth retrying: a broken connection, a serialization failure or a deadlock.</summary>
internal static class TransientErrors
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException { SqlState: "40001" or "40P01" } => true,
        PostgresException { SqlState: "57014" } => false,
        PostgresException postgres => postgres.IsTransient,
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => false,
    };
}
