using DataPlatform.Framework.Transforms;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>One silver table's transforms, runnable in the server or over an <see cref="InMemorySilverState"/>.</summary>
internal interface ISilverStep
{
    /// <summary>The silver table name (unqualified).</summary>
    string Table { get; }

    Task<PagilaSilverTableResult> RunAsync(
        TransformRunner runner, DbContext source, DbContext target, TransformContext context, CancellationToken cancellationToken);

    PagilaSilverTableResult RunInMemory(InMemorySilverState state, TransformContext context);
}
