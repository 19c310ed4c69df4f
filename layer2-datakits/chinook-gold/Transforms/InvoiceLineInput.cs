using DataPlatform.Datakits.Chinook.Silver;

namespace DataPlatform.Datakits.Chinook.Gold.Transforms;

/// <summary>
/// The input row of <see cref="FactInvoiceLineTransform"/>: a live line, its invoice, the customer version valid at the
/// invoice date, its support rep's employee and the track; keys are NULL when missing from gold.
/// </summary>
internal sealed class InvoiceLineInput
{
    public int InvoiceLineId { get; init; }

    public InvoiceLine Line { get; init; } = null!;

    public Invoice Invoice { get; init; } = null!;

    public long? CustomerKey { get; init; }

    public long? SupportRepKey { get; init; }

    public long? TrackKey { get; init; }
}
