using DataPlatform.Framework.Datakits;
using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Tests.Conventions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

[assembly: Datakit("conv", DatakitLayer.Silver, typeof(ConventionTestContext))]

namespace DataPlatform.Framework.Tests.Conventions;

public sealed class ConventionModelTests
{
    [Fact]
    public void Mixin_columns_are_snake_case_timestamptz_with_defaults()
    {
        using var context = ConventionTestContext.Create();
        var entity = context.Model.FindEntityType(typeof(CustomerAccount))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());

        Assert.Equal("sl__conv", entity.GetSchema());
        Assert.Equal("customer_account", entity.GetTableName());
        Assert.Equal("pk_customer_account", entity.FindPrimaryKey()!.GetName());
        Assert.Equal("reference,transactional,temporal", entity.FindAnnotation(MixinAnnotations.Mixins)?.Value);

        var created = entity.FindProperty(nameof(CustomerAccount.CreatedAt))!;
        Assert.Equal("created_at", created.GetColumnName(table));
        Assert.Equal("timestamp with time zone", created.GetColumnType());
        Assert.Equal("now()", created.GetDefaultValueSql());
        Assert.False(created.IsNullable);

        var inactivated = entity.FindProperty(nameof(CustomerAccount.InactivatedDate))!;
        Assert.Equal("inactivated_date", inactivated.GetColumnName(table));
        Assert.True(inactivated.IsNullable);

        Assert.Equal("account_holder_id", entity.FindProperty(nameof(CustomerAccount.AccountHolderID))!.GetColumnName(table));
        Assert.Equal(true, entity.FindProperty(nameof(CustomerAccount.Notes))!.FindAnnotation(MixinAnnotations.ExcludeFromHistory)?.Value);
    }
}

public sealed class ConventionTestContext(DbContextOptions options) : DatakitDbContext(options)
{
    public DbSet<CustomerAccount> CustomerAccounts => Set<CustomerAccount>();

    public static ConventionTestContext Create() =>
        new(new DbContextOptionsBuilder<ConventionTestContext>().UseNpgsql("Host=localhost").Options);
}

public sealed class CustomerAccount : IReferenceData, ITransactionalData, ITemporalData
{
    public int Id { get; set; }

    public int AccountHolderID { get; set; }

    [ExcludeFromHistory]
    public string? Notes { get; set; }

    public DateTime? InactivatedDate { get; set; }

    public DateTime Systime { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime EffectiveTime { get; set; }
}
