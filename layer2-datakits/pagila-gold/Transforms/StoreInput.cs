using DataPlatform.Datakits.Pagila.Silver;

namespace DataPlatform.Datakits.Pagila.Gold.Transforms;

/// <summary>The input row of <see cref="DimStoreTransform"/>: a silver store with its address, city and country names.</summary>
internal sealed class StoreInput
{
    public Store Store { get; init; } = null!;

    public Address Address { get; init; } = null!;

    public string City { get; init; } = string.Empty;

    public string Country { get; init; } = string.Empty;
}
