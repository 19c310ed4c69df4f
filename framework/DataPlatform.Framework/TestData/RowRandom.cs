using Bogus;

namespace DataPlatform.Framework.TestData;

/// <summary>
/// Stateless, seeded randomness per row for synthetic sources: the value of field <c>f</c> of row <c>id</c> of a table is a
/// pure function of (seed, table, id, f). Tables can therefore be streamed independently, and a child row can recompute
/// its parent's values without holding the parent table in memory.
/// </summary>
public readonly struct RowRandom : IEquatable<RowRandom>
{
    private readonly ulong _state;

    private RowRandom(ulong state) => _state = state;

    /// <summary>The randomness of row <paramref name="id"/> of <paramref name="table"/> for <paramref name="seed"/>.</summary>
    public static RowRandom For(int seed, string table, long id)
    {
        ArgumentNullException.ThrowIfNull(table);
        var salt = 1469598103934665603UL;
        foreach (var c in table)
        {
            salt = (salt ^ c) * 1099511628211UL;
        }

        return new RowRandom(Mix(Mix((ulong)(uint)seed ^ salt) ^ (ulong)id));
    }

    /// <summary>A Bogus <see cref="Bogus.Faker"/> (locale <c>en</c>) seeded for <paramref name="table"/>: one deterministic stream per table.</summary>
    public static Faker Faker(int seed, string table) =>
        new("en") { Random = new Randomizer(unchecked((int)For(seed, table, -1).Next(0))) };

    /// <summary>A 64-bit value for field <paramref name="field"/>.</summary>
    public ulong Next(int field) => Mix(_state + ((ulong)(uint)field * 0x9E3779B97F4A7C15UL));

    /// <summary>A value in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public int Int(int field, int min, int max) => min + (int)(Next(field) % (ulong)(max - min));

    /// <summary>A value in [0, 1).</summary>
    public double Double(int field) => (Next(field) >> 11) * (1.0 / (1UL << 53));

    /// <inheritdoc />
    public bool Equals(RowRandom other) => _state == other._state;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RowRandom other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _state.GetHashCode();

    /// <summary>Whether two values are equal.</summary>
    public static bool operator ==(RowRandom left, RowRandom right) => left.Equals(right);

    /// <summary>Whether two values differ.</summary>
    public static bool operator !=(RowRandom left, RowRandom right) => !left.Equals(right);

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
