using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>An extracted version of a <c>public.customer</c> row; source key <c>customer_id</c>.</summary>
[BronzeOf(typeof(Source.Entities.Customer), nameof(Source.Entities.Customer.CustomerId))]
public sealed partial class Customer : BronzeRecord;
