using NpgsqlTypes;

namespace DataPlatform.Datakits.Pagila.Source.Entities;

/// <summary>
/// The source enum type <c>public.mpaa_rating</c>. Its database labels are <c>G</c>, <c>PG</c>, <c>PG-13</c>,
/// <c>R</c> and <c>NC-17</c>; see <see cref="MpaaRatingLabels"/> for the conversion.
/// </summary>
public enum MpaaRating
{
    /// <summary><c>G</c>.</summary>
    [PgName("G")]
    G,

    /// <summary><c>PG</c>.</summary>
    [PgName("PG")]
    PG,

    /// <summary><c>PG-13</c>.</summary>
    [PgName("PG-13")]
    PG13,

    /// <summary><c>R</c>.</summary>
    [PgName("R")]
    R,

    /// <summary><c>NC-17</c>.</summary>
    [PgName("NC-17")]
    NC17,
}
