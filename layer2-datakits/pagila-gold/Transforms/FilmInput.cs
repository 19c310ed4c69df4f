using DataPlatform.Datakits.Pagila.Silver;

namespace DataPlatform.Datakits.Pagila.Gold.Transforms;

/// <summary>The input row of <see cref="DimFilmTransform"/>: a silver film with its language name.</summary>
internal sealed class FilmInput
{
    public Film Film { get; init; } = null!;

    public string Language { get; init; } = string.Empty;
}
