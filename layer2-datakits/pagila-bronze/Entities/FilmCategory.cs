using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>An extracted version of a <c>public.film_category</c> row; source key (<c>film_id</c>, <c>category_id</c>).</summary>
[BronzeOf(typeof(Source.Entities.FilmCategory), nameof(Source.Entities.FilmCategory.FilmId), nameof(Source.Entities.FilmCategory.CategoryId))]
public sealed partial class FilmCategory : BronzeRecord;
