using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>An extracted version of a <c>public.address</c> row; source key <c>address_id</c>.</summary>
[BronzeOf(typeof(Source.Entities.Address), nameof(Source.Entities.Address.AddressId))]
public sealed partial class Address : BronzeRecord;
