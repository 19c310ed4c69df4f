using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>An extracted version of a <c>public.city</c> row; source key <c>city_id</c>.</summary>
[BronzeOf(typeof(Source.Entities.City), nameof(Source.Entities.City.CityId))]
public sealed partial class City : BronzeRecord;
