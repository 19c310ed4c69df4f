using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Bronze → silver actors, cleaned per DESIGN.md §4; rows breaking a hard rule go to quarantine and are re-read on every run
/// until they pass. The silver layer reads only the latest not-yet-applied bronze row per key and soft-deletes source deletes.
/// </summary>
internal sealed class ActorTransform : Transform<B.Actor, Actor>
{
    public override string Name => "silver_actor";

    public override TransformDefinition<B.Actor, Actor> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return From(sources.Set<B.Actor>())
            .Rule("blank_name", b => !Clean.IsBlank(b.FirstName) && !Clean.IsBlank(b.LastName), "A required name is blank.")
            .KeyedBy(b => b.ActorId)
            .Select(b => new Actor
            {
                ActorId = b.ActorId,
                FirstName = b.FirstName!.Trim(),
                LastName = b.LastName!.Trim(),
                LastUpdate = b.LastUpdate,
            });
    }
}
