using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Chinook.Bronze.Entities;

namespace DataPlatform.Datakits.Chinook.Silver.Transforms;

/// <summary>
/// Bronze → silver <c>invoice</c>: quarantines a sentinel date (outside 1900–2099, it would stretch <c>dim_date</c>), a negative
/// total, or a customer missing from the source or quarantined.
/// </summary>
internal sealed class InvoiceTransform : Transform<B.Invoice, Invoice>
{
    public override string Name => "silver_invoice";

    public override TransformDefinition<B.Invoice, Invoice> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var customers = sources.Set<B.Customer>();
        var silverCustomers = sources.Set<Customer>();
        return From(sources.Set<B.Invoice>())
            .Rule("missing_value", b => b.InvoiceDate != null && b.Total != null, "The invoice date or total is missing.")
            .Rule("implausible_date", b => b.InvoiceDate >= PlausibleRange.Earliest && b.InvoiceDate < PlausibleRange.End, "The invoice date is outside 1900-2099.")
            .Rule("negative_total", b => b.Total >= 0, "The total is negative.")
            .Rule("orphan_customer_id", b => b.CustomerId != null && customers.Any(p => p.CustomerId == b.CustomerId), "CustomerId references no customer in the source.")
            .Rule("parent_quarantined", b => silverCustomers.Any(p => p.CustomerId == b.CustomerId), "A referenced row is quarantined.")
            .KeyedBy(b => b.InvoiceId)
            .Select(b => new Invoice
            {
                InvoiceId = b.InvoiceId,
                CustomerId = b.CustomerId!.Value,
                InvoiceDate = b.InvoiceDate!.Value,
                BillingAddress = Clean.Text(b.BillingAddress),
                BillingCity = Clean.Text(b.BillingCity),
                BillingState = Clean.Text(b.BillingState),
                BillingCountry = Clean.Text(b.BillingCountry),
                BillingPostalCode = Clean.Text(b.BillingPostalCode),
                Total = b.Total!.Value,
            });
    }
}
