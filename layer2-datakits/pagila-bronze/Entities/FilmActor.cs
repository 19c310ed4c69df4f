using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>An extracted version of a <c>public.film_actor</c> row; source key (<c>actor_id</c>, <c>film_id</c>).</summary>
[BronzeOf(typeof(Source.Entities.FilmActor), nameof(Source.Entities.FilmActor.ActorId), nameof(Source.Entities.FilmActor.FilmId))]
public sealed partial class FilmActor : BronzeRecord;
