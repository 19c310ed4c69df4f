using Bogus;
using DataPlatform.Framework.Mixins;

namespace DataPlatform.Framework.TestData;

/// <summary>
/// Deterministic test data on Bogus: the same seed (and reference time) gives the same rows, on every machine and run.
/// One helper per mixin: <see cref="ReferenceRows{T}"/> (a share soft-deleted), <see cref="TransactionalRows{T}"/>
/// (<c>created_at</c>/<c>updated_at</c> spread over a period) and <see cref="TemporalVersions{T}"/> (successive versions
/// of one entity). No helper reads the clock: every timestamp derives from <see cref="ReferenceTime"/>.
/// </summary>
/// <example><code>
/// var data = new TestDataFactory(seed: 7);
/// var genres = data.ReferenceRows&lt;Genre&gt;(20, (f, g, i) => { g.Id = i + 1; g.Name = f.Music.Genre(); }, inactiveShare: 0.25);
/// </code></example>
public sealed class TestDataFactory
{
    /// <summary>The default <see cref="ReferenceTime"/>: 2024-01-01 00:00 UTC.</summary>
    public static readonly DateTime DefaultReferenceTime = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private int _streams;

    /// <summary>Creates a factory.</summary>
    /// <param name="seed">The seed of every generator this factory hands out.</param>
    /// <param name="referenceTime">"Now" for the generated data (UTC); default <see cref="DefaultReferenceTime"/>.</param>
    public TestDataFactory(int seed, DateTime? referenceTime = null)
    {
        Seed = seed;
        ReferenceTime = DateTime.SpecifyKind(referenceTime ?? DefaultReferenceTime, DateTimeKind.Utc);
    }

    /// <summary>The seed.</summary>
    public int Seed { get; }

    /// <summary>"Now" for the generated data. UTC.</summary>
    public DateTime ReferenceTime { get; }

    /// <summary>
    /// A new seeded <see cref="Bogus.Faker"/>. Each call returns the next generator of this factory's sequence, so two
    /// factories with the same seed hand out identical generators in the same order.
    /// </summary>
    public Faker Faker() => new() { Random = new Randomizer(NextSeed()) };

    /// <summary>A new seeded <see cref="Faker{T}"/> (rules added by the caller), next in this factory's sequence.</summary>
    public Faker<T> Faker<T>()
        where T : class =>
        new Faker<T>().UseSeed(NextSeed()).UseDateTimeReference(ReferenceTime);

    /// <summary>
    /// Reference (lookup) rows: <paramref name="fill"/> sets the business columns of row <c>i</c>; exactly
    /// round(<paramref name="count"/> × <paramref name="inactiveShare"/>) rows, chosen at random, get an
    /// <see cref="IReferenceData.InactivatedDate"/> in the year before <see cref="ReferenceTime"/>; the others stay active.
    /// <see cref="IHasSystime.Systime"/> is <see cref="ReferenceTime"/>.
    /// </summary>
    public IReadOnlyList<T> ReferenceRows<T>(int count, Action<Faker, T, int> fill, double inactiveShare = 0.1)
        where T : class, IReferenceData, new()
    {
        ArgumentNullException.ThrowIfNull(fill);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!(inactiveShare is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(inactiveShare), inactiveShare, "The inactive share must be between 0 and 1.");
        }

        var faker = Faker();
        var rows = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            var row = new T { Systime = ReferenceTime };
            fill(faker, row, i);
            rows.Add(row);
        }

        var inactive = (int)Math.Round(count * inactiveShare, MidpointRounding.AwayFromZero);
        foreach (var row in faker.Random.Shuffle(rows).Take(inactive))
        {
            row.InactivatedDate = Between(faker, ReferenceTime.AddYears(-1), ReferenceTime);
        }

        return rows;
    }

    /// <summary>
    /// Transactional rows, streamed: <paramref name="fill"/> sets the business columns of row <c>i</c>;
    /// <see cref="ITransactionalData.CreatedAt"/> is uniform in [<paramref name="from"/>, <paramref name="to"/>],
    /// <see cref="ITransactionalData.UpdatedAt"/> uniform in [created, <paramref name="to"/>] (equal to created for about
    /// <paramref name="unchangedShare"/> of the rows), and <see cref="IHasSystime.Systime"/> equals the update time.
    /// </summary>
    public IEnumerable<T> TransactionalRows<T>(int count, Action<Faker, T, int> fill, DateTime from, DateTime to, double unchangedShare = 0.5)
        where T : class, ITransactionalData, new()
    {
        ArgumentNullException.ThrowIfNull(fill);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (to < from)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(to));
        }

        return Stream(Faker(), count, fill, Utc(from), Utc(to), unchangedShare);

        static IEnumerable<T> Stream(Faker faker, int count, Action<Faker, T, int> fill, DateTime from, DateTime to, double unchangedShare)
        {
            for (var i = 0; i < count; i++)
            {
                var row = new T();
                fill(faker, row, i);
                row.CreatedAt = Between(faker, from, to);
                row.UpdatedAt = faker.Random.Double() < unchangedShare ? row.CreatedAt : Between(faker, row.CreatedAt, to);
                row.Systime = row.UpdatedAt;
                yield return row;
            }
        }
    }

    /// <summary>
    /// Successive versions of one temporal entity: <paramref name="version"/> builds version <c>i</c> (0 = the first);
    /// <see cref="ITemporalData.EffectiveTime"/> starts at <paramref name="from"/> and grows by a random gap in
    /// (0, 2 × <paramref name="meanGap"/>]; <see cref="IHasSystime.Systime"/> equals the effective time.
    /// </summary>
    public IReadOnlyList<T> TemporalVersions<T>(int versions, Func<Faker, int, T> version, DateTime from, TimeSpan meanGap)
        where T : class, ITemporalData
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentOutOfRangeException.ThrowIfNegative(versions);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(meanGap, TimeSpan.Zero);

        var faker = Faker();
        var effective = Utc(from);
        var rows = new List<T>(versions);
        for (var i = 0; i < versions; i++)
        {
            if (i > 0)
            {
                effective += TimeSpan.FromTicks(1 + (long)(faker.Random.Double() * 2 * (meanGap.Ticks - 1)));
            }

            var row = version(faker, i);
            row.EffectiveTime = effective;
            row.Systime = effective;
            rows.Add(row);
        }

        return rows;
    }

    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);

    // Microsecond precision, as PostgreSQL stores it, so generated rows survive a database round trip unchanged.
    private static DateTime Between(Faker faker, DateTime from, DateTime to)
    {
        var ticks = from.Ticks + (long)(faker.Random.Double() * (to.Ticks - from.Ticks));
        return new DateTime(ticks - (ticks % 10), DateTimeKind.Utc);
    }

    // A fixed mix (not HashCode.Combine, which is randomized per process), so seeds are stable across runs.
    private int NextSeed() => unchecked((Seed * 486_187_739) + (Interlocked.Increment(ref _streams) * 16_777_619)) & int.MaxValue;
}
