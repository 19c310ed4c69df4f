using S = DataPlatform.Datakits.Chinook.Source.Entities;

namespace DataPlatform.Datakits.Chinook.Bronze.Entities;

/// <summary>An extracted version of a <c>public.track</c> row.</summary>
[BronzeOf(typeof(S.Track), nameof(S.Track.TrackId))]
public sealed partial class Track : BronzeRecord;
