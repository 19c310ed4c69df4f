namespace DataPlatform.Datakits.Pagila.Gold.Transforms;

/// <summary>The live payments of one rental, summed: the grouped side of <see cref="FactRentalTransform"/>'s payment join.</summary>
internal sealed class RentalPayments
{
    public int RentalId { get; init; }

    public decimal Amount { get; init; }

    public int Count { get; init; }
}
