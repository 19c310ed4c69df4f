using DataPlatform.Datakits.Chinook.Bronze;
using DataPlatform.Datakits.Chinook.Gold;
using DataPlatform.Datakits.Chinook.Silver;
using DataPlatform.Datakits.Chinook.Source.Generation;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Hosting;

var pipeline = new PipelineDefinition(
    "chinook",
    ChinookBronze.Layer,
    ChinookSilver.Layer,
    ChinookGold.Layer);

return await WarehouseHost.RunAsync(new WarehouseHostDefinition
{
    CommandName = "chinook-warehouse",
    Description = "Loads the Chinook music-store warehouse: source -> bronze -> silver -> gold in PostgreSQL, as one batch.\n\n"
        + "Quick start (needs only the .NET SDK and the PostgreSQL server binaries):\n"
        + "  chinook-warehouse run       generates a synthetic Chinook source and loads every layer into a local\n"
        + "                              cluster under .dataplatform/ (started and stopped by the run)\n"
        + "  chinook-warehouse status    shows the last batches\n\n"
        + "Against your own databases:\n"
        + "  chinook-warehouse run --source \"Host=...;Database=chinook;Username=...\" --warehouse \"Host=...;Database=dw;Username=...\"",
    Pipeline = pipeline,
    SyntheticSource = new ChinookSyntheticSource(),
}, args);
