namespace DataPlatform.Datakits.Pagila.Source.Generation;

/// <summary>
/// Stateless, seeded randomness per row: the value of field <c>f</c> of row <c>id</c> of a table is a pure function of
/// (seed, table, id, f). Tables can therefore be streamed independently and a payment can recompute the customer of
/// its rental without holding the rentals in memory.
/// </summary>
internal readonly struct RowRandom
{
    private readonly ulong _state;

    private RowRandom(ulong state) => _state = state;

    public static RowRandom For(int seed, string table, long id)
    {
        var salt = 1469598103934665603UL;
        foreach (var c in table)
        {
            salt = (salt ^ c) * 1099511628211UL;
        }

        return new RowRandom(Mix(Mix((ulong)(uint)seed ^ salt) ^ (ulong)id));
    }

    public ulong Next(int field) => Mix(_state + ((ulong)(uint)field * 0x9E3779B97F4A7C15UL));

    /// <summary>A value in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public int Int(int field, int min, int max) => min + (int)(Next(field) % (ulong)(max - min));

    /// <summary>A value in [0, 1).</summary>
    public double Double(int field) => (Next(field) >> 11) * (1.0 / (1UL << 53));

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
