using S = DataPlatform.Datakits.Chinook.Source.Entities;

namespace DataPlatform.Datakits.Chinook.Bronze.Entities;

/// <summary>An extracted version of a <c>public.customer</c> row.</summary>
[BronzeOf(typeof(S.Customer), nameof(S.Customer.CustomerId))]
public sealed partial class Customer : BronzeRecord;
