using DataPlatform.Framework.Transforms;
using Npgsql;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>Executes one generated statement with its parameters on the run's connection and transaction.</summary>
internal sealed class TransformStatement(NpgsqlConnection connection, NpgsqlTransaction transaction, int? commandTimeout)
{
    public async Task<long[]> QueryRowAsync(string sql, IEnumerable<NpgsqlParameter> parameters, CancellationToken cancellationToken)
    {
        var command = Create(sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return [];
                }

                return Enumerable.Range(0, reader.FieldCount)
                    .Select(i => reader.IsDBNull(i) ? 0 : Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))
                    .ToArray();
            }
        }
    }

    public async Task<int> ExecuteAsync(string sql, IEnumerable<NpgsqlParameter> parameters, CancellationToken cancellationToken)
    {
        var command = Create(sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private NpgsqlCommand Create(string sql, IEnumerable<NpgsqlParameter> parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        if (commandTimeout is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        command.Parameters.AddRange(parameters.ToArray());
        return command;
    }
}
