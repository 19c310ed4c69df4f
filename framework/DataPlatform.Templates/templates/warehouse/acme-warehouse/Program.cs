using Acme.Datakits.Bronze;
using Acme.Datakits.Gold;
using Acme.Datakits.Silver;
using Acme.Datakits.Source.Generation;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Hosting;

// The layers run in this order as one batch of the ledger; the host provides every verb, the embedded default cluster, the
// run lock, progress, the summary and the exit codes.
var pipeline = new PipelineDefinition(
    "acme",
    AcmeBronze.Layer,
    AcmeSilver.Layer,
    AcmeGold.Layer);

return await WarehouseHost.RunAsync(new WarehouseHostDefinition
{
    CommandName = "acme-warehouse",
    Description = "Loads the acme warehouse",
    Pipeline = pipeline,
    SyntheticSource = new AcmeSyntheticSource(),
}, args);
