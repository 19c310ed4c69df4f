using DataPlatform.Datakits.Pagila.Silver;

namespace DataPlatform.Datakits.Pagila.Gold.Transforms;

/// <summary>
/// The input row of <see cref="FactRentalTransform"/>: a live silver rental, its inventory item and film, and the surrogate
/// keys of its dimension members (NULL when a member is missing; such a row is quarantined), and the sum and number of
/// its live payments.
/// </summary>
internal sealed class RentalInput
{
    public int RentalId { get; init; }

    public Rental Rental { get; init; } = null!;

    public Inventory Inventory { get; init; } = null!;

    public short RentalDuration { get; init; }

    public long? CustomerKey { get; init; }

    public long? FilmKey { get; init; }

    public long? StoreKey { get; init; }

    public long? StaffKey { get; init; }

    public decimal AmountPaid { get; init; }

    public int PaymentCount { get; init; }
}
