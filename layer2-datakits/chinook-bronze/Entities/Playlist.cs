using S = DataPlatform.Datakits.Chinook.Source.Entities;

namespace DataPlatform.Datakits.Chinook.Bronze.Entities;

/// <summary>An extracted version of a <c>public.playlist</c> row.</summary>
[BronzeOf(typeof(S.Playlist), nameof(S.Playlist.PlaylistId))]
public sealed partial class Playlist : BronzeRecord;
