using S = DataPlatform.Datakits.Chinook.Source.Entities;

namespace DataPlatform.Datakits.Chinook.Bronze.Entities;

/// <summary>An extracted version of a <c>public.artist</c> row.</summary>
[BronzeOf(typeof(S.Artist), nameof(S.Artist.ArtistId))]
public sealed partial class Artist : BronzeRecord;
