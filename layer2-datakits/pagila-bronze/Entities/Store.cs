using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>An extracted version of a <c>public.store</c> row; source key <c>store_id</c>.</summary>
[BronzeOf(typeof(Source.Entities.Store), nameof(Source.Entities.Store.StoreId))]
public sealed partial class Store : BronzeRecord;
