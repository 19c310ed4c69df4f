namespace DataPlatform.Framework.Tests.Loading;

/// <summary>Small deterministic test rows.</summary>
public static class TestRows
{
    public static readonly DateTime Epoch = new(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    public static Film Film(int id, string? title = null) => new()
    {
        FilmId = id,
        Title = title ?? $"Film {id}",
        RentalRate = 2.99m,
        IsActive = true,
        LastUpdate = Epoch.AddMinutes(id),
        ExternalId = new Guid(id, 0, 0, new byte[8]),
        Views = id * 1000L,
    };

    public static List<Film> Films(int count, int firstId = 1) =>
        Enumerable.Range(firstId, count).Select(i => Film(i)).ToList();

    /// <summary>Yields <paramref name="good"/> rows, then throws (a source that breaks mid-stream).</summary>
    public static IEnumerable<Film> ThrowingAfter(int good)
    {
        for (var i = 1; i <= good; i++)
        {
            yield return Film(i);
        }

        throw new InvalidOperationException("source broke mid-stream");
    }
}
