using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Datakits.Pagila.Silver.Configuration;

/// <summary><c>inventory</c>: the source key and foreign keys.</summary>
internal sealed class InventoryConfiguration : IEntityTypeConfiguration<Inventory>
{
    public void Configure(EntityTypeBuilder<Inventory> builder)
    {
        builder.HasNaturalKey(e => e.InventoryId);
        builder.HasOne<Film>().ByForeignKey(e => e.FilmId);
        builder.HasOne<Store>().ByForeignKey(e => e.StoreId);
    }
}
