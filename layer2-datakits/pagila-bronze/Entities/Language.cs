using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>An extracted version of a <c>public.language</c> row; source key <c>language_id</c>.</summary>
[BronzeOf(typeof(Source.Entities.Language), nameof(Source.Entities.Language.LanguageId))]
public sealed partial class Language : BronzeRecord;
