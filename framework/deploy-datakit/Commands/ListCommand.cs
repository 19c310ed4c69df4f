using DataPlatform.DeployDatakit.Datakits;
using DataPlatform.DeployDatakit.Output;
using DataPlatform.Framework.Mixins;
using DataPlatform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Spectre.Console;

namespace DataPlatform.DeployDatakit.Commands;

/// <summary><c>list</c>: the datakits' layers, schemas and tables (with their mixins); needs no database.</summary>
internal sealed class ListCommand(LogLevelSwitch logLevel, DatakitLoader loader)
    : DatakitCommand("list", "List the datakits' layers, schemas and tables.", logLevel, loader, requiresConnection: false)
{
    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var console = ResultConsole.Create(context.Output);
        var table = new Table().AddColumns("System", "Layer", "Schema", "Table", "Mixins", "History table");
        foreach (var datakit in context.Datakits)
        {
            await using var dbContext = datakit.CreateContext(context.ConnectionString);
            var model = dbContext.GetService<IDesignTimeModel>().Model;
            var entities = model.GetEntityTypes()
                .Where(e => e.GetTableName() is not null)
                .OrderBy(e => e.GetTableName(), StringComparer.Ordinal);
            foreach (var entity in entities)
            {
                var mixins = entity.FindAnnotation(MixinAnnotations.Mixins)?.Value as string ?? string.Empty;
                var history = mixins.Split(',').Contains("temporal") ? entity.GetTableName() + MixinColumns.HistoryTableSuffix : string.Empty;
                table.AddRow(
                    Markup.Escape(datakit.Marker.System),
                    Markup.Escape(datakit.Marker.Layer.ToString().ToLowerInvariant()),
                    Markup.Escape(entity.GetSchema() ?? "public"),
                    Markup.Escape(entity.GetTableName()!),
                    Markup.Escape(mixins),
                    Markup.Escape(history));
            }
        }

        console.Write(table);
        return ExitCodes.Ok;
    }
}
