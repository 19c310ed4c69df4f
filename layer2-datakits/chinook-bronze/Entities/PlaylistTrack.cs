using S = DataPlatform.Datakits.Chinook.Source.Entities;

namespace DataPlatform.Datakits.Chinook.Bronze.Entities;

/// <summary>An extracted version of a <c>public.playlist_track</c> row.</summary>
[BronzeOf(typeof(S.PlaylistTrack), nameof(S.PlaylistTrack.PlaylistId), nameof(S.PlaylistTrack.TrackId))]
public sealed partial class PlaylistTrack : BronzeRecord;
