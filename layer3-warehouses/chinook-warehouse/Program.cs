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
    Description = "Loads the Chinook music-store warehouse",
    Pipeline = pipeline,
    SyntheticSource = new ChinookSyntheticSource(),
}, args);
