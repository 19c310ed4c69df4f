using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Datakits.Pagila.Silver.Configuration;

/// <summary><c>language</c>: the source key.</summary>
internal sealed class LanguageConfiguration : IEntityTypeConfiguration<Language>
{
    public void Configure(EntityTypeBuilder<Language> builder)
    {
        builder.HasNaturalKey(e => e.LanguageId);
    }
}
