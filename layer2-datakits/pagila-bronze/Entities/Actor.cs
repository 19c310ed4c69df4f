using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>An extracted version of a <c>public.actor</c> row; source key <c>actor_id</c>.</summary>
[BronzeOf(typeof(Source.Entities.Actor), nameof(Source.Entities.Actor.ActorId))]
public sealed partial class Actor : BronzeRecord;
