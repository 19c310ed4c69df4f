using DataPlatform.Framework.Datakits;
using DataPlatform.Framework.Internal.Ledger;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Naming;
using DataPlatform.Framework.Pipelines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DataPlatform.Framework.Schema;

/// <summary>
/// The whole schema of a warehouse: the ledger (<c>dataplatform</c>: batches, their tables, quarantine) plus every datakit context of a
/// <see cref="PipelineDefinition"/>, deployed, validated and planned in one call with the rules of
/// <see cref="SchemaDeployer"/> (never drops a table, a column or data).
/// </summary>
public sealed class WarehouseSchema
{
    private readonly PipelineDefinition _pipeline;
    private readonly SchemaDeployer _deployer;

    /// <summary>The schema of <paramref name="pipeline"/>'s warehouse, logging through <paramref name="loggerFactory"/> (no logging when null).</summary>
    public WarehouseSchema(PipelineDefinition pipeline, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _pipeline = pipeline;
        _deployer = new SchemaDeployer(loggerFactory);
    }

    /// <summary>The contexts, in deploy order: the ledger first, then the layers' contexts in layer order.</summary>
    public IReadOnlyList<Type> ContextTypes => [typeof(LedgerContext), .. _pipeline.ContextTypes.Where(t => t != typeof(LedgerContext))];

    /// <summary>The database schemas of the pipeline's layers (not the ledger's), e.g. <c>br__pagila__public</c>, <c>sl__pagila</c>, <c>gl__pagila</c>.</summary>
    public IReadOnlyList<string> LayerSchemas => [.. _pipeline.ContextTypes.Where(t => t != typeof(LedgerContext)).Select(SchemaOf).Distinct(StringComparer.Ordinal)];

    private static string SchemaOf(Type contextType)
    {
        using var context = DatakitContexts.ForModel(contextType);
        return context.Model.GetDefaultSchema() ?? "public";
    }

    /// <summary>
    /// Creates or updates every context's schema, in <see cref="ContextTypes"/> order, each context in one transaction;
    /// returns all it changed. A context with a difference deploy does not make on its own stops the deploy before that
    /// context changes (the contexts before it, e.g. the ledger, stay deployed).
    /// </summary>
    /// <exception cref="SchemaDriftException">A context differs in a way deploy does not change on its own; holds that context's differences.</exception>
    /// <exception cref="SchemaConnectionException">The database cannot be reached.</exception>
    public async Task<SchemaDeployResult> DeployAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var applied = new List<SchemaDifference>();
        foreach (var contextType in ContextTypes)
        {
            var context = DatakitContexts.Create(contextType, connectionString);
            await using (context.ConfigureAwait(false))
            {
                applied.AddRange((await _deployer.DeployAsync(context, connectionString, cancellationToken).ConfigureAwait(false)).Applied);
            }
        }

        return new SchemaDeployResult(applied);
    }

    /// <summary>Compares the database with every context's model; one result with all differences and the SQL that would fix them.</summary>
    /// <exception cref="SchemaConnectionException">The database cannot be reached.</exception>
    public async Task<SchemaValidationResult> ValidateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var differences = new List<SchemaDifference>();
        foreach (var contextType in ContextTypes)
        {
            var context = DatakitContexts.Create(contextType, connectionString);
            await using (context.ConfigureAwait(false))
            {
                differences.AddRange((await _deployer.ValidateAsync(context, connectionString, cancellationToken).ConfigureAwait(false)).Differences);
            }
        }

        return new SchemaValidationResult(differences);
    }

    /// <summary>How many rows the tables of layer <paramref name="layerName"/>'s contexts hold.</summary>
    /// <exception cref="ArgumentException">The pipeline has no such layer.</exception>
    public async Task<long> CountRowsAsync(NpgsqlDataSource warehouse, string layerName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        var layer = _pipeline.Layers.FirstOrDefault(l => string.Equals(l.Name, layerName, StringComparison.Ordinal))
            ?? throw new ArgumentException($"Pipeline {_pipeline.Name} has no layer {layerName}.", nameof(layerName));
        var tables = new List<string>();
        foreach (var contextType in layer.ContextTypes)
        {
            var context = DatakitContexts.ForModel(contextType);
            await using (context.ConfigureAwait(false))
            {
                tables.AddRange(context.Model.GetEntityTypes()
                    .Where(e => e.GetTableName() is not null && e.GetViewName() is null)
                    .Select(e => SqlIdentifier.Quote(e.GetSchema() ?? context.Model.GetDefaultSchema() ?? "public", e.GetTableName()!)));
            }
        }

        if (tables.Count == 0)
        {
            return 0;
        }

        var command = warehouse.CreateCommand("SELECT " + string.Join(" + ", tables.Distinct(StringComparer.Ordinal).Select(t => $"(SELECT count(*) FROM {t})")));
        await using (command.ConfigureAwait(false))
        {
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
    }
}
