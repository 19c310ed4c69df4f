using DataPlatform.Framework.Transforms;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>Runs a composed transform over in-memory rows with <see cref="MemoryRewriter"/> semantics.</summary>
internal static class InMemoryExecution
{
    public static InMemoryTransformResult<TSource, TTarget> Run<TSource, TTarget>(ComposedTransform<TSource, TTarget> transform)
        where TSource : class
        where TTarget : class
    {
        var provider = transform.Definition.Rows.Provider;
        if (provider is not EnumerableQuery)
        {
            throw new InvalidOperationException($"Transform {transform.Name}: the in-memory path needs sources from InMemorySources.");
        }

        var read = EnumerableCompiler.Compile<TSource>(MemoryRewriter.Rewrite(transform.Rows))().LongCount();
        var rows = EnumerableCompiler.Compile<TTarget>(MemoryRewriter.Rewrite(transform.Pass))().ToList();
        var quarantined = new List<QuarantinedRow<TSource>>();
        if (transform.Quarantine is not null)
        {
            var messages = transform.Rules.ToDictionary(r => r.Name, r => r.Message, StringComparer.Ordinal);
            foreach (var probe in EnumerableCompiler.Compile<QuarantineProbe<TSource>>(MemoryRewriter.Rewrite(transform.Quarantine))())
            {
                quarantined.Add(new QuarantinedRow<TSource>(transform.KeyOf(probe.Row!), probe.DpRule!, messages[probe.DpRule!], probe.Row!));
            }
        }

        if (read != rows.Count + quarantined.Count)
        {
            throw new InvalidOperationException(
                $"Transform {transform.Name}: read {read} rows but wrote {rows.Count} and quarantined {quarantined.Count}.");
        }

        return new InMemoryTransformResult<TSource, TTarget>(read, rows, quarantined);
    }
}
