using DataPlatform.Framework.Transforms;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// The compared values of a semi-join probe. Equal like C#'s lifted <c>==</c> on the supported types (integers, text,
/// <see cref="bool"/>, <see cref="Guid"/>, dates): value equality, and NULL equals NULL.
/// </summary>
internal sealed class SemiJoinKey(object?[] values) : IEquatable<SemiJoinKey>
{
    private readonly object?[] _values = values;

    public bool Equals(SemiJoinKey? other)
    {
        if (other is null || other._values.Length != _values.Length)
        {
            return false;
        }

        for (var i = 0; i < _values.Length; i++)
        {
            if (!Equals(_values[i], other._values[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as SemiJoinKey);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var value in _values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}
