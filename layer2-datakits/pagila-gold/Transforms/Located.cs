using DataPlatform.Datakits.Pagila.Silver;

namespace DataPlatform.Datakits.Pagila.Gold.Transforms;

/// <summary>The input row of a dimension that carries an address: the silver owner row with its address, city and country names.</summary>
/// <typeparam name="TOwner">The silver entity that has an address (customer, store).</typeparam>
internal sealed class Located<TOwner>
{
    public TOwner Owner { get; init; } = default!;

    public Address Address { get; init; } = null!;

    public string City { get; init; } = string.Empty;

    public string Country { get; init; } = string.Empty;
}
