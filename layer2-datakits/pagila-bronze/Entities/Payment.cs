using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>An extracted version of a <c>public.payment</c> row; source key <c>payment_id</c>.</summary>
[BronzeOf(typeof(Source.Entities.Payment), nameof(Source.Entities.Payment.PaymentId))]
public sealed partial class Payment : BronzeRecord;
