using S = DataPlatform.Datakits.Chinook.Source.Entities;

namespace DataPlatform.Datakits.Chinook.Bronze.Entities;

/// <summary>An extracted version of a <c>public.album</c> row.</summary>
[BronzeOf(typeof(S.Album), nameof(S.Album.AlbumId))]
public sealed partial class Album : BronzeRecord;
