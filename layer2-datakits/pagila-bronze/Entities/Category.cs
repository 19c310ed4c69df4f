using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>An extracted version of a <c>public.category</c> row; source key <c>category_id</c>.</summary>
[BronzeOf(typeof(Source.Entities.Category), nameof(Source.Entities.Category.CategoryId))]
public sealed partial class Category : BronzeRecord;
