using DataPlatform.Framework.Pipelines;

namespace DataPlatform.Hosting;

/// <summary>What a warehouse command line hosts: its name, its pipeline and, optionally, a synthetic source for runs without <c>--source</c>.</summary>
public sealed class WarehouseHostDefinition
{
    /// <summary>The command name shown in help and hints, e.g. <c>pagila-warehouse</c>.</summary>
    public required string CommandName { get; init; }

    /// <summary>What the warehouse loads, e.g. <c>Loads the Pagila DVD-rental warehouse</c>; the help adds the layers, a quick start and the exit codes.</summary>
    public required string Description { get; init; }

    /// <summary>The pipeline <c>run</c> runs and <c>deploy</c>/<c>validate</c>/<c>plan</c> work on (with the ledger).</summary>
    public required PipelineDefinition Pipeline { get; init; }

    /// <summary>Generates a source for the embedded default and for <c>--source synthetic</c>; null: <c>--source</c> is always required.</summary>
    public ISyntheticSource? SyntheticSource { get; init; }

    /// <summary>The layer whose quarantined rows <c>--max-rejected-rate</c> checks against the rows it holds.</summary>
    public string RejectionLayer { get; init; } = "silver";

    /// <summary>The warehouse database in the embedded cluster: <c>&lt;pipeline&gt;_warehouse</c> (e.g. <c>pagila_warehouse</c>).</summary>
    internal string EmbeddedWarehouseDatabase => Pipeline.Name + "_warehouse";

    /// <summary>The synthetic source database in the embedded cluster: <c>&lt;pipeline&gt;_source</c> (e.g. <c>pagila_source</c>).</summary>
    internal string EmbeddedSourceDatabase => Pipeline.Name + "_source";
}
