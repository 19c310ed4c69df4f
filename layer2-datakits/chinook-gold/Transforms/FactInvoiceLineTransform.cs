using DataPlatform.Datakits.Chinook.Silver;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Datakits.Chinook.Gold.Transforms;

/// <summary>
/// Silver → gold <c>fact_invoice_line</c> (upsert on <c>invoice_line_id</c>), one row per live line of a live invoice: the
/// customer version valid at the invoice date, its support rep's <c>employee_key</c>, the track, and
/// <c>line_amount = unit_price × quantity</c>. A line whose customer version or track is missing in gold is quarantined;
/// the fact of a deleted line leaves.
/// </summary>
internal sealed class FactInvoiceLineTransform : Transform<InvoiceLineInput, FactInvoiceLine>
{
    public override string Name => "gold_fact_invoice_line";

    public override TransformDefinition<InvoiceLineInput, FactInvoiceLine> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var customers = sources.Set<DimCustomer>();
        var tracks = sources.Set<DimTrack>();
        var employees = sources.Set<DimEmployee>();
        var rows =
            from l in sources.Set<InvoiceLine>()
            join i in sources.Set<Invoice>() on l.InvoiceId equals i.InvoiceId
            where l.InactivatedDate == null && i.InactivatedDate == null
            from c in customers.LookUp(d => d.CustomerId == i.CustomerId && d.ValidFrom <= i.InvoiceDate && (d.ValidTo == null || d.ValidTo > i.InvoiceDate))
            from t in tracks.LookUp(d => d.TrackId == l.TrackId)
            from e in employees.LookUp(e => e.EmployeeId == c!.SupportRepEmployeeId)
            select new InvoiceLineInput
            {
                InvoiceLineId = l.InvoiceLineId,
                Line = l,
                Invoice = i,
                CustomerKey = (long?)c!.CustomerKey,
                SupportRepKey = (long?)e!.EmployeeKey,
                TrackKey = (long?)t!.TrackKey,
            };

        return From(rows)
            .Rule("unknown_customer_version", x => x.CustomerKey != null, "No dim_customer version is valid at the invoice date.")
            .Rule("unknown_track", x => x.TrackKey != null, "The track is not in dim_track.")
            .KeyedBy(x => x.InvoiceLineId)
            .Select(x => new FactInvoiceLine
            {
                InvoiceLineId = x.Line.InvoiceLineId,
                InvoiceId = x.Invoice.InvoiceId,
                InvoiceDate = x.Invoice.InvoiceDate,
                InvoiceDateKey = (x.Invoice.InvoiceDate.Year * 10000) + (x.Invoice.InvoiceDate.Month * 100) + x.Invoice.InvoiceDate.Day,
                CustomerKey = x.CustomerKey!.Value,
                TrackKey = x.TrackKey!.Value,
                SupportRepKey = x.SupportRepKey,
                BillingCountry = x.Invoice.BillingCountry,
                Quantity = x.Line.Quantity,
                UnitPrice = x.Line.UnitPrice,
                LineAmount = x.Line.UnitPrice * x.Line.Quantity,
            });
    }
}
