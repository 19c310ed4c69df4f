using S = DataPlatform.Datakits.Chinook.Source.Entities;

namespace DataPlatform.Datakits.Chinook.Bronze.Entities;

/// <summary>An extracted version of a <c>public.invoice_line</c> row.</summary>
[BronzeOf(typeof(S.InvoiceLine), nameof(S.InvoiceLine.InvoiceLineId))]
public sealed partial class InvoiceLine : BronzeRecord;
