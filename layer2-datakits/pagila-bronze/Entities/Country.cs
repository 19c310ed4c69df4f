using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>An extracted version of a <c>public.country</c> row; source key <c>country_id</c>.</summary>
[BronzeOf(typeof(Source.Entities.Country), nameof(Source.Entities.Country.CountryId))]
public sealed partial class Country : BronzeRecord;
