using DataPlatform.Framework.Pipelines;
using DataPlatform.Datakits.Pagila.Silver;
using DataPlatform.Datakits.Pagila.Silver.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Tests.Silver;

/// <summary>In-memory unit tests (no database) of every silver hard rule: the row lands in quarantine, never in silver.</summary>
public sealed class SilverQuarantineTests
{
    [Theory]
    [InlineData(" ", "Smith")]
    [InlineData("Mary", "\u00a0\n")]
    [InlineData(null, "Smith")]
    public void Blank_customer_name_is_quarantined(string? first, string? last)
    {
        var f = SilverFixtures.Valid();
        f.Customers[0].FirstName = first;
        f.Customers[0].LastName = last;
        var state = Run(f);

        Assert.Contains(new InMemoryQuarantineDecision("silver_customer", "1", "blank_name"), state.Quarantined);
        Assert.Empty(state.Rows<Customer>());
    }

    [Fact]
    public void Blank_film_title_is_quarantined_and_its_dependents_too()
    {
        var f = SilverFixtures.Valid();
        f.Films[0].Title = "\u3000";
        var state = Run(f);

        Assert.Equal(
            [
                new("silver_film", "1", "blank_title"),
                new("silver_film_actor", "1|1", "parent_quarantined"),
                new("silver_film_category", "1|1", "parent_quarantined"),
                new("silver_inventory", "1", "parent_quarantined"),
                new("silver_rental", "1", "parent_quarantined"),
                new("silver_payment", "1", "parent_quarantined"),
            ],
            state.Quarantined);
    }

    [Fact]
    public void Blank_lookup_names_are_quarantined()
    {
        var f = SilverFixtures.Valid();
        f.Categories[0].Name = "";
        f.Actors[0].LastName = " ";
        var state = Run(f);

        Assert.Contains(new InMemoryQuarantineDecision("silver_category", "1", "blank_name"), state.Quarantined);
        Assert.Contains(new InMemoryQuarantineDecision("silver_actor", "1", "blank_name"), state.Quarantined);
    }

    [Fact]
    public void Orphan_reference_is_quarantined()
    {
        var f = SilverFixtures.Valid();
        f.Rentals[0].InventoryId = 999;
        var state = Run(f);

        Assert.Contains(new InMemoryQuarantineDecision("silver_rental", "1", "orphan_inventory_id"), state.Quarantined);
        Assert.Contains(new InMemoryQuarantineDecision("silver_payment", "1", "parent_quarantined"), state.Quarantined);
        Assert.Empty(state.Rows<Rental>());
    }

    [Fact]
    public void Negative_payment_is_quarantined()
    {
        var f = SilverFixtures.Valid();
        f.Payments[0].Amount = -0.01m;
        var state = Run(f);

        Assert.Equal([new("silver_payment", "1", "negative_amount")], state.Quarantined);
    }

    [Fact]
    public void Return_before_rental_is_quarantined()
    {
        var f = SilverFixtures.Valid();
        f.Rentals[0].ReturnDate = f.Rentals[0].RentalDate!.Value.AddSeconds(-1);
        var state = Run(f);

        Assert.Equal([new("silver_rental", "1", "return_before_rental"), new("silver_payment", "1", "parent_quarantined")], state.Quarantined);
    }

    [Fact]
    public void A_sentinel_return_date_is_implausible_and_takes_its_payment_along()
    {
        var f = SilverFixtures.Valid();
        f.Rentals[0].ReturnDate = new DateTime(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc);
        var state = Run(f);

        Assert.Equal([new("silver_rental", "1", "implausible_date"), new("silver_payment", "1", "parent_quarantined")], state.Quarantined);
    }

    [Fact]
    public void A_payment_date_before_1900_is_implausible()
    {
        var f = SilverFixtures.Valid();
        f.Payments[0].PaymentDate = new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var state = Run(f);

        Assert.Equal([new("silver_payment", "1", "implausible_date")], state.Quarantined);
    }

    [Fact]
    public void A_create_date_from_2100_on_is_implausible()
    {
        var f = SilverFixtures.Valid();
        f.Customers[0].CreateDate = new DateOnly(2100, 1, 1);
        var state = Run(f);

        Assert.Contains(new InMemoryQuarantineDecision("silver_customer", "1", "implausible_date"), state.Quarantined);
        Assert.Empty(state.Rows<Customer>());
    }

    [Fact]
    public void Orphan_is_applied_once_its_parent_arrives()
    {
        var f = SilverFixtures.Valid();
        f.Payments.Add(f.Stamp(new B.Payment { PaymentId = 2, CustomerId = 2, StaffId = 0, RentalId = 1, Amount = 1m, PaymentDate = SilverFixtures.T0 }, 1));
        var state = Run(f);
        Assert.Contains(new InMemoryQuarantineDecision("silver_payment", "2", "orphan_customer_id"), state.Quarantined);

        f.Customers.Add(f.Stamp(new B.Customer
        {
            CustomerId = 2, StoreId = 0, FirstName = "Pat", LastName = "Lee", AddressId = 1, CreateDate = new DateOnly(2022, 3, 1), Active = 1,
        }, 2));
        f.Load(state);
        var results = PagilaSilver.Layer.RunInMemory(state, SilverFixtures.Context(2));

        Assert.Equal(2, state.Rows<Payment>().Count);
        var payment = results.Single(r => r.Table == "payment");
        Assert.Equal((1, 1, 0), (payment.RowsRead, payment.RowsWritten, payment.RowsQuarantined));
    }

    private static InMemoryLayerState Run(SilverFixtures f)
    {
        var state = f.Load();
        var results = PagilaSilver.Layer.RunInMemory(state, SilverFixtures.Context(1));
        Assert.All(results, r => Assert.Equal(r.RowsRead, r.RowsWritten + r.RowsQuarantined));
        return state;
    }
}
