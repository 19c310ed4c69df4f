using DataPlatform.Framework.Transforms;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>
/// What the steps of one server run of a transform layer share: the layer's name, whether its tables get ledger rows (and so
/// applied watermarks), contexts, runner, connection and transaction.
/// </summary>
internal sealed record LayerExecution(
    string Layer,
    bool RecordsLedger,
    LayerReadContext Read,
    DbContext Target,
    TransformRunner Runner,
    TransformContext Context,
    NpgsqlConnection Connection,
    NpgsqlTransaction Transaction);
