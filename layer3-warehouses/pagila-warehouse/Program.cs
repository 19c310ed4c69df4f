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
    Description = "Loads the Pagila DVD-rental warehouse",
    Pipeline = pipeline,
    SyntheticSource = new PagilaSyntheticSource(),
}, args);
