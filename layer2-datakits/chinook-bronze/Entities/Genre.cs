using S = DataPlatform.Datakits.Chinook.Source.Entities;

namespace DataPlatform.Datakits.Chinook.Bronze.Entities;

/// <summary>An extracted version of a <c>public.genre</c> row.</summary>
[BronzeOf(typeof(S.Genre), nameof(S.Genre.GenreId))]
public sealed partial class Genre : BronzeRecord;
