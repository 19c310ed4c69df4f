using DataPlatform.Datakits.Pagila.Silver;

namespace DataPlatform.Datakits.Pagila.Gold.Transforms;

/// <summary>
/// The input row of <see cref="FactPaymentTransform"/>: a live silver payment and the surrogate keys of its dimension
/// members (NULL when a member is missing; such a row is quarantined).
/// </summary>
internal sealed class PaymentInput
{
    public int PaymentId { get; init; }

    public Payment Payment { get; init; } = null!;

    public long? CustomerKey { get; init; }

    public long? StaffKey { get; init; }

    public long? StoreKey { get; init; }
}
