using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>
/// An extracted version of a <c>public.film</c> row. <c>fulltext</c> (a <c>tsvector</c>) is not extracted: it is derived
/// from <c>title</c> and <c>description</c>, which are. <c>rating</c> keeps the <c>mpaa_rating</c> label as text, so the
/// warehouse does not depend on an enum type defined by the source.
/// </summary>
[BronzeOf(typeof(Source.Entities.Film), nameof(Source.Entities.Film.FilmId), Exclude = [nameof(Source.Entities.Film.Fulltext)])]
public sealed partial class Film : BronzeRecord;
