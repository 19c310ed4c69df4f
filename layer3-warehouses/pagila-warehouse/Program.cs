using DataPlatform.Datakits.Pagila.Bronze;
using DataPlatform.Datakits.Pagila.Gold;
using DataPlatform.Datakits.Pagila.Silver;
using DataPlatform.Datakits.Pagila.Source.Generation;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Hosting;

var pipeline = new PipelineDefinition(
    "pagila",
    PagilaBronze.Layer,
    PagilaSilver.Layer,
    PagilaGold.Layer);

return await WarehouseHost.RunAsync(new WarehouseHostDefinition
{
    CommandName = "pagila-warehouse",
    Description = "Loads the Pagila DVD-rental warehouse: source -> bronze -> silver -> gold in PostgreSQL, as one batch.\n\n"
        + "Quick start (needs only the .NET SDK and the PostgreSQL server binaries):\n"
        + "  pagila-warehouse run        generates a synthetic Pagila source and loads every layer into a local\n"
        + "                              cluster under .dataplatform/ (started and stopped by the run)\n"
        + "  pagila-warehouse status     shows the last batches\n\n"
        + "Against your own databases:\n"
        + "  pagila-warehouse run --source \"Host=...;Database=pagila;Username=...\" --warehouse \"Host=...;Database=dw;Username=...\"",
    Pipeline = pipeline,
    SyntheticSource = new PagilaSyntheticSource(),
}, args);
