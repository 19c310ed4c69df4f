using Acme.Datakits.Gold.Transforms;
using Acme.Datakits.Silver;
using DataPlatform.Framework.Pipelines;

namespace Acme.Datakits.Gold;

/// <summary>The acme gold layer as the pipeline runs it: silver → <c>gl__acme</c>.</summary>
public static class AcmeGold
{
    /// <summary>
    /// Dimensions before the facts that reference them, in one transaction with the ledger rows; a rerun over unchanged
    /// silver changes nothing. To add a gold model: an entity, its keys in <see cref="AcmeGoldContext"/>, a transform over
    /// silver and a line here: <c>.Upsert(t)</c> for a type 1 dimension, <c>.Scd2(t)</c> for a type 2 dimension,
    /// <c>.Upsert(t, removeMissing: true)</c> for a fact (a fact whose silver row is gone leaves).
    /// </summary>
    public static TransformLayer Layer { get; } = TransformLayer.For<AcmeGoldContext>("gold")
        .ReadsFrom<AcmeSilverContext>()
        .Upsert(new DimCustomerTransform());
}
