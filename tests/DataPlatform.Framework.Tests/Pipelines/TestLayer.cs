using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Tests.Transforms;

namespace DataPlatform.Framework.Tests.Pipelines;

/// <summary>A pipeline layer whose work is the test's delegate; it writes the silver context of the transform tests.</summary>
internal sealed class TestLayer(string name, Func<PipelineLayerRun, CancellationToken, Task<IReadOnlyList<TableResult>>> work) : PipelineLayer(name)
{
    public List<PipelineLayerRun> Runs { get; } = [];

    public override IReadOnlyList<Type> ContextTypes => [typeof(TfxSilverContext)];

    public override Task<IReadOnlyList<TableResult>> RunAsync(PipelineLayerRun run, CancellationToken cancellationToken)
    {
        Runs.Add(run);
        return work(run, cancellationToken);
    }
}
