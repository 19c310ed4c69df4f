using DataPlatform.Framework.Pipelines;

namespace DataPlatform.Hosting.Tests;

/// <summary>Runs the warehouse host in-process with captured stdout and stderr.</summary>
internal static class HostRun
{
    public static WarehouseHostDefinition Definition(PipelineLayer? layer = null, ISyntheticSource? syntheticSource = null, string pipeline = "testkit") => new()
    {
        SyntheticSource = syntheticSource,
        CommandName = $"{pipeline}-warehouse",
        Description = "The test datakit's warehouse.",
        Pipeline = new PipelineDefinition(pipeline, layer ?? new TestkitLayer()),
    };

    public static async Task<HostResult> RunAsync(WarehouseHostDefinition definition, params string[] args) =>
        await RunAsync(definition, TestContext.Current.CancellationToken, args);

    public static async Task<HostResult> RunAsync(WarehouseHostDefinition definition, CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await WarehouseHost.RunAsync(definition, args, new WarehouseHostIO(output, error), cancellationToken);
        return new HostResult(exitCode, output.ToString(), error.ToString());
    }
}
