using Acme.Datakits.Bronze;
using Acme.Datakits.Silver.Transforms;
using DataPlatform.Framework.Pipelines;

namespace Acme.Datakits.Silver;

/// <summary>The acme silver layer as the pipeline runs it: bronze → <c>sl__acme</c>.</summary>
public static class AcmeSilver
{
    /// <summary>
    /// One transform per table, parents before children (so a child of a quarantined row can be quarantined too). Each
    /// reads the latest not-yet-applied bronze row per key; source deletes become soft deletes. One transaction with the
    /// ledger rows. To add a table: an entity, its key in <see cref="AcmeSilverContext"/>, a transform and an <c>.Apply</c> here.
    /// </summary>
    public static TransformLayer Layer { get; } = TransformLayer.For<AcmeSilverContext>("silver")
        .ReadsFrom<AcmeBronzeContext>()
        .Apply(new CustomerTransform());
}
