using System.Net.Sockets;
using DataPlatform.Framework.Schema;
using DataPlatform.LocalPostgres;
using Npgsql;

namespace DataPlatform.Hosting.Running;

/// <summary>Maps the failures a run can meet to exit codes (DESIGN.md §7).</summary>
internal static class Failures
{
    /// <summary>Whether <paramref name="exception"/> means a database could not be reached or logged into.</summary>
    public static bool IsConnectionFailure(Exception exception) => exception switch
    {
        PostgresBinariesNotFoundException or LocalPostgresException or SchemaConnectionException => true,
        PostgresException postgres => postgres.SqlState is
            PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification
            or PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections,
        NpgsqlException { InnerException: SocketException or TimeoutException or IOException } => true,
        SocketException => true,
        _ => exception.InnerException is { } inner && IsConnectionFailure(inner),
    };

    /// <summary>The message of a connection failure, with Npgsql's inner cause (never a password: Npgsql does not put it in messages).</summary>
    public static string Describe(Exception exception) =>
        exception.Message + (exception is NpgsqlException && exception.InnerException is { } inner ? " " + inner.Message : string.Empty);
}
