using DataPlatform.Datakits.Chinook.Gold.Transforms;
using DataPlatform.Datakits.Chinook.Silver;
using DataPlatform.Framework.Calendar;
using DataPlatform.Framework.Pipelines;

namespace DataPlatform.Datakits.Chinook.Gold;

/// <summary>The Chinook gold layer as the pipeline runs it: silver → the star schema of DESIGN.md §9 in <c>gl__chinook</c>.</summary>
public static class ChinookGold
{
    /// <summary>
    /// The days of the live invoices, dimensions (the customer after the employees whose names it copies), then the bridge and
    /// the fact, which mirror the live silver rows that pass their rules; days outside the new range go last. One transaction
    /// with the ledger rows; a rerun over unchanged silver changes nothing.
    /// </summary>
    public static TransformLayer Layer { get; } = TransformLayer.For<ChinookGoldContext>("gold")
        .ReadsFrom<ChinookSilverContext>()
        .WithCalendar("SELECT i.invoice_date FROM sl__chinook.invoice AS i WHERE i.inactivated_date IS NULL")
        .Upsert(new DimDateTransform())
        .Upsert(new DimEmployeeTransform())
        .Scd2(new DimCustomerTransform())
        .Upsert(new DimTrackTransform())
        .Upsert(new BridgePlaylistTrackTransform(), removeMissing: true)
        .Upsert(new FactInvoiceLineTransform(), removeMissing: true)
        .RemoveMissing(new DimDateTransform());
}
