using S = DataPlatform.Datakits.Chinook.Source.Entities;

namespace DataPlatform.Datakits.Chinook.Bronze.Entities;

/// <summary>An extracted version of a <c>public.invoice</c> row.</summary>
[BronzeOf(typeof(S.Invoice), nameof(S.Invoice.InvoiceId))]
public sealed partial class Invoice : BronzeRecord;
