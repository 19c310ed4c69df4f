using S = DataPlatform.Datakits.Chinook.Source.Entities;

namespace DataPlatform.Datakits.Chinook.Bronze.Entities;

/// <summary>An extracted version of a <c>public.media_type</c> row.</summary>
[BronzeOf(typeof(S.MediaType), nameof(S.MediaType.MediaTypeId))]
public sealed partial class MediaType : BronzeRecord;
