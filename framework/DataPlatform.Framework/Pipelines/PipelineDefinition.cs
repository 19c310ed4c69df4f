
namespace DataPlatform.Framework.Pipelines;

/// <summary>
/// A warehouse pipeline: its name in the ledger and its layers in the order they run (typically bronze, silver, gold,
/// each declared by its datakit).
/// </summary>
public sealed class PipelineDefinition
{
    /// <summary>Declares a pipeline.</summary>
    /// <param name="name">The pipeline (source system) name in the ledger, e.g. <c>pagila</c>.</param>
    /// <param name="layers">The layers, in the order they run.</param>
    public PipelineDefinition(string name, params IReadOnlyList<PipelineLayer> layers)
    {
        Naming.SqlIdentifier.Validate(name, "Pipeline name");
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0)
        {
            throw new ArgumentException("A pipeline needs at least one layer.", nameof(layers));
        }

        Name = name;
        Layers = layers;
    }

    /// <summary>The pipeline name in the ledger.</summary>
    public string Name { get; }

    /// <summary>The layers, in the order they run.</summary>
    public IReadOnlyList<PipelineLayer> Layers { get; }

    /// <summary>Every datakit context the layers write, in layer order, without repeats.</summary>
    public IReadOnlyList<Type> ContextTypes => Layers.SelectMany(l => l.ContextTypes).Distinct().ToList();
}
