using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Datakits.Pagila.Silver.Configuration;

/// <summary><c>category</c>: the source key.</summary>
internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.HasNaturalKey(e => e.CategoryId);
    }
}
