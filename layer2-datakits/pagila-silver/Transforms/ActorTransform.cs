using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Bronze → silver actors: the latest bronze upsert per key not yet applied (newer batch than the silver row), cleaned
/// per DESIGN.md §4; rows breaking a hard rule go to quarantine and are re-read on every run until they pass.
/// </summary>
internal sealed class ActorTransform : Transform<B.Actor, Actor>
{
    public override string Name => "silver_actor";

    public override TransformDefinition<B.Actor, Actor> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var bronze = sources.Set<B.Actor>();
        var silver = sources.Set<Actor>();
        var rows = bronze.Where(b => b.DpOperation == BronzeOperation.Upsert
            && !bronze.Any(n => n.ActorId == b.ActorId && n.DpBatchId > b.DpBatchId)
            && !silver.Any(s => s.ActorId == b.ActorId && s.SourceBatchId >= b.DpBatchId));

        return From(rows)
            .Rule("blank_name", b => b.FirstName != null && b.FirstName.Trim() != "" && b.LastName != null && b.LastName.Trim() != "", "A required name is blank.")
            .KeyedBy(b => b.ActorId)
            .Select(b => new Actor
            {
                ActorId = b.ActorId,
                FirstName = b.FirstName!.Trim(),
                LastName = b.LastName!.Trim(),
                LastUpdate = b.LastUpdate,
                SourceBatchId = b.DpBatchId,
                InactivatedDate = null,
            });
    }
}
