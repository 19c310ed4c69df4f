namespace DataPlatform.Datakits.Pagila.Source.Entities;

/// <summary>Converts <see cref="MpaaRating"/> to and from the labels of the PostgreSQL enum <c>public.mpaa_rating</c>.</summary>
public static class MpaaRatingLabels
{
    /// <summary>The label of a rating: <see cref="MpaaRating.PG13"/> → <c>PG-13</c>.</summary>
    public static string ToLabel(MpaaRating rating) => rating switch
    {
        MpaaRating.G => "G",
        MpaaRating.PG => "PG",
        MpaaRating.PG13 => "PG-13",
        MpaaRating.R => "R",
        MpaaRating.NC17 => "NC-17",
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, "Unknown MPAA rating."),
    };

    /// <summary>The rating of a label: <c>NC-17</c> → <see cref="MpaaRating.NC17"/>.</summary>
    /// <exception cref="FormatException">The label is not one of the five enum labels.</exception>
    public static MpaaRating FromLabel(string label) => label switch
    {
        "G" => MpaaRating.G,
        "PG" => MpaaRating.PG,
        "PG-13" => MpaaRating.PG13,
        "R" => MpaaRating.R,
        "NC-17" => MpaaRating.NC17,
        _ => throw new FormatException($"'{label}' is not an mpaa_rating label."),
    };
}
