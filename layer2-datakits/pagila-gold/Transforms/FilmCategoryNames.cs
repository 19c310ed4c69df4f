using DataPlatform.Framework.Datakits;

namespace DataPlatform.Datakits.Pagila.Gold.Transforms;

/// <summary>
/// The sorted category names of one film (its live silver <c>film_category</c> rows): the source of
/// <c>dim_film.categories</c>.
/// </summary>
/// <remarks>
/// Escape hatch (Transforms/README.md): EF Core translates an ordered <c>string.Join</c> aggregate but no aggregate that
/// yields an array (<c>ToArray()</c> over a subquery is evaluated on the client, <c>EF.Functions.ArrayAgg</c> cannot run in
/// memory), so the list comes from <c>array_agg(... ORDER BY ...)</c> in the embedded resource <c>FilmCategoryNames.sql</c>,
/// mapped as a keyless query entity of the gold layer's read model (<see cref="PagilaGold.Layer"/>). In memory, <see cref="For"/> builds the same rows.
/// Names are sorted by code point (<c>COLLATE "C"</c> / <see cref="StringComparer.Ordinal"/>), identical on both paths.
/// </remarks>
internal sealed class FilmCategoryNames
{
    private static readonly Lazy<string> s_sql = new(() => EmbeddedText.Read(typeof(FilmCategoryNames).Assembly, "FilmCategoryNames.sql"));

    /// <summary>The film.</summary>
    public int FilmId { get; set; }

    /// <summary>The names of the film's categories, sorted.</summary>
    public string[] Names { get; set; } = [];

    /// <summary>The SQL producing the rows (columns <c>film_id</c>, <c>names</c>).</summary>
    public static string Sql => s_sql.Value;

    /// <summary>The in-memory twin of <see cref="Sql"/>.</summary>
    public static IReadOnlyList<FilmCategoryNames> For(IEnumerable<Silver.FilmCategory> filmCategories, IEnumerable<Silver.Category> categories)
    {
        var names = categories.ToDictionary(c => c.CategoryId, c => c.Name);
        return filmCategories
            .Where(fc => fc.InactivatedDate == null && names.ContainsKey(fc.CategoryId))
            .GroupBy(fc => fc.FilmId)
            .Select(g => new FilmCategoryNames
            {
                FilmId = g.Key,
                Names = g.Select(fc => names[fc.CategoryId]).Order(StringComparer.Ordinal).ToArray(),
            })
            .ToList();
    }
}
