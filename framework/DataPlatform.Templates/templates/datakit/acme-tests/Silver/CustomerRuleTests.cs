using Acme.Datakits.Silver;
using Acme.Datakits.Silver.Entities;
using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Transforms;
using B = Acme.Datakits.Bronze.Entities;

namespace Acme.Datakits.Tests.Silver;

/// <summary>The silver rules and cleaning in memory (no database): bronze rows in, silver rows and quarantine decisions out.</summary>
public sealed class CustomerRuleTests
{
    private static readonly TransformContext s_context = new(1, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void A_blank_name_is_quarantined_and_a_good_row_is_cleaned()
    {
        var state = new InMemoryLayerState().Add(Extracted(
            new B.Customer { CustomerId = 1, Name = " Ada Lovelace ", Email = " Ada@Example.COM ", Country = "  " },
            new B.Customer { CustomerId = 2, Name = "   ", Email = "grace@example.com", Country = "United States" }));

        AcmeSilver.Layer.RunInMemory(state, s_context);

        Assert.Equal(new InMemoryQuarantineDecision("silver_customer", "2", "blank_name"), Assert.Single(state.Quarantined));
        var customer = Assert.Single(state.Rows<Customer>());
        Assert.Equal(
            (1, "Ada Lovelace", "ada@example.com", (string?)null),
            (customer.CustomerId, customer.Name, customer.Email, customer.Country));
    }

    [Theory]
    [InlineData("ada.example.com")]
    [InlineData("ada@example")]
    [InlineData("@example.com")]
    public void A_malformed_email_becomes_null_without_quarantining_the_row(string email)
    {
        var state = new InMemoryLayerState().Add(Extracted(new B.Customer { CustomerId = 1, Name = "Ada", Email = email }));

        AcmeSilver.Layer.RunInMemory(state, s_context);

        Assert.Empty(state.Quarantined);
        Assert.Null(Assert.Single(state.Rows<Customer>()).Email);
    }

    // Rows as bronze holds them after the extraction of batch 1.
    private static List<B.Customer> Extracted(params B.Customer[] rows)
    {
        foreach (var row in rows)
        {
            row.DpBatchId = 1;
            row.DpOperation = BronzeOperation.Upsert;
        }

        return [.. rows];
    }
}
