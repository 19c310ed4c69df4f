using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Chinook.Bronze.Entities;

namespace DataPlatform.Datakits.Chinook.Silver.Transforms;

/// <summary>
/// Bronze → silver <c>invoice_line</c>: quarantines a quantity of 0 or less, a negative price, and an invoice or track
/// missing from the source or quarantined.
/// </summary>
internal sealed class InvoiceLineTransform : Transform<B.InvoiceLine, InvoiceLine>
{
    public override string Name => "silver_invoice_line";

    public override TransformDefinition<B.InvoiceLine, InvoiceLine> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var invoices = sources.Set<B.Invoice>();
        var tracks = sources.Set<B.Track>();
        var silverInvoices = sources.Set<Invoice>();
        var silverTracks = sources.Set<Track>();
        return From(sources.Set<B.InvoiceLine>())
            .Rule("missing_value", b => b.UnitPrice != null && b.Quantity != null, "The unit price or quantity is missing.")
            .Rule("non_positive_quantity", b => b.Quantity > 0, "The quantity is 0 or less.")
            .Rule("negative_unit_price", b => b.UnitPrice >= 0, "The unit price is negative.")
            .Rule("orphan_invoice_id", b => b.InvoiceId != null && invoices.Any(p => p.InvoiceId == b.InvoiceId), "InvoiceId references no invoice in the source.")
            .Rule("orphan_track_id", b => b.TrackId != null && tracks.Any(p => p.TrackId == b.TrackId), "TrackId references no track in the source.")
            .Rule("parent_quarantined", b => silverInvoices.Any(p => p.InvoiceId == b.InvoiceId) && silverTracks.Any(p => p.TrackId == b.TrackId), "A referenced row is quarantined.")
            .KeyedBy(b => b.InvoiceLineId)
            .Select(b => new InvoiceLine
            {
                InvoiceLineId = b.InvoiceLineId,
                InvoiceId = b.InvoiceId!.Value,
                TrackId = b.TrackId!.Value,
                UnitPrice = b.UnitPrice!.Value,
                Quantity = b.Quantity!.Value,
            });
    }
}
