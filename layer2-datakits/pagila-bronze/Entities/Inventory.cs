using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>An extracted version of a <c>public.inventory</c> row; source key <c>inventory_id</c>.</summary>
[BronzeOf(typeof(Source.Entities.Inventory), nameof(Source.Entities.Inventory.InventoryId))]
public sealed partial class Inventory : BronzeRecord;
