using DataPlatform.Framework.Transforms;
using Microsoft.EntityFrameworkCore;
using DataPlatform.Framework.Internal.Transforms;
using Npgsql;

namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>
/// What the steps of one server run of a transform layer share: the layer's name, whether its tables get ledger rows (and so
/// watermarks), contexts, runner, connection and transaction; the context incremental steps find changed rows with (its
/// model maps <c>xmin</c>, <see cref="Internal.Transforms.RowVersions"/>), and, per step, the entity types an incremental
/// step must not read (<see cref="UnsafeInputs"/>).
/// </summary>
internal sealed record LayerExecution(
    string Layer,
    bool RecordsLedger,
    LayerReadContext Read,
    DbContext Target,
    TransformRunner Runner,
    TransformContext Context,
    NpgsqlConnection Connection,
    NpgsqlTransaction Transaction)
{
    public DbContext Changes { get; init; } = null!;

    /// <summary>
    /// Tables whose changes an incremental step would miss: written by a later step of the layer (after the step read them),
    /// or tables a step of the layer deletes rows from (a deleted row leaves no changed row behind).
    /// </summary>
    public IReadOnlySet<Type> UnsafeInputs { get; init; } = new HashSet<Type>();

    /// <summary>Runs statements on the layer's connection and transaction, with the read context's command timeout.</summary>
    public TransformStatement Statements => new(Connection, Transaction, Read.Database.GetCommandTimeout());
}
