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

    public async Task<IReadOnlyList<object[]>> QueryAsync(string sql, IEnumerable<NpgsqlParameter> parameters, CancellationToken cancellationToken)
    {
        var command = Create(sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var rows = new List<object[]>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var row = new object[reader.FieldCount];
                    reader.GetValues(row);
                    rows.Add(row);
                }

                return rows;
            }
        }
    }

    /// <summary>Runs one statement and returns the row count of its command tag (e.g. <c>SELECT 42</c> of a <c>CREATE TABLE AS</c>).</summary>
    public async Task<long> ExecuteCountingAsync(string sql, IEnumerable<NpgsqlParameter> parameters, CancellationToken cancellationToken)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch.ConfigureAwait(false))
        {
            if (commandTimeout is { } timeout)
            {
                batch.Timeout = timeout;
            }

            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddRange(parameters.ToArray());
            batch.BatchCommands.Add(command);
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return checked((long)command.Rows);
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
