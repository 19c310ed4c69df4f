using DataPlatform.Datakits.Pagila.Silver;
using DataPlatform.Datakits.Pagila.Silver.Transforms;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Tests.Silver;

/// <summary>In-memory unit tests (no database) of every silver cleaning rule of DESIGN.md §4.</summary>
public sealed class SilverCleaningTests
{
    [Fact]
    public void Every_silver_transform_passes_the_build_checks()
    {
        TransformRunner.Check(new CountryTransform());
        TransformRunner.Check(new CityTransform());
        TransformRunner.Check(new AddressTransform());
        TransformRunner.Check(new LanguageTransform());
        TransformRunner.Check(new CategoryTransform());
        TransformRunner.Check(new ActorTransform());
        TransformRunner.Check(new FilmTransform());
        TransformRunner.Check(new FilmActorTransform());
        TransformRunner.Check(new FilmCategoryTransform());
        TransformRunner.Check(new StoreTransform());
        TransformRunner.Check(new StaffTransform());
        TransformRunner.Check(new CustomerTransform());
        TransformRunner.Check(new InventoryTransform());
        TransformRunner.Check(new RentalTransform());
        TransformRunner.Check(new PaymentTransform());
    }

    [Fact]
    public void Valid_graph_lands_in_silver_without_quarantine()
    {
        var state = SilverFixtures.Valid().Load();
        var results = PagilaSilver.Layer.RunInMemory(state, SilverFixtures.Context(1));

        Assert.Empty(state.Quarantined);
        Assert.All(results, r => Assert.Equal(r.RowsRead, r.RowsWritten + r.RowsQuarantined));
        Assert.All(results, r => Assert.Equal(1, r.RowsWritten));
        Assert.Single(state.Rows<Payment>());
    }

    [Fact]
    public void Text_is_trimmed_and_blank_optional_text_becomes_null()
    {
        var f = SilverFixtures.Valid();
        f.Films[0].Title = " \t Academy Dinosaur\u00a0\n";
        f.Films[0].Description = "\u3000 ";
        f.Addresses[0].Address2 = "  ";
        f.Addresses[0].PostalCode = null;
        f.Addresses[0].District = " Centro\u2003";
        f.Actors[0].FirstName = "\vPenelope\f";
        var state = f.Load();
        PagilaSilver.Layer.RunInMemory(state, SilverFixtures.Context(1));

        var film = Assert.Single(state.Rows<Film>());
        Assert.Equal("Academy Dinosaur", film.Title);
        Assert.Null(film.Description);
        var address = Assert.Single(state.Rows<Address>());
        Assert.Null(address.Line2);
        Assert.Null(address.PostalCode);
        Assert.Equal("Centro", address.District);
        Assert.Equal("Penelope", Assert.Single(state.Rows<Actor>()).FirstName);
    }

    [Fact]
    public void Language_name_is_trimmed()
    {
        var state = SilverFixtures.Valid().Load();
        PagilaSilver.Layer.RunInMemory(state, SilverFixtures.Context(1));
        Assert.Equal("English", Assert.Single(state.Rows<Language>()).Name);
    }

    [Theory]
    [InlineData("MARY.SMITH@sakilacustomer.org", "mary.smith@sakilacustomer.org")]
    [InlineData("  Mary@Example.COM \n", "mary@example.com")]
    [InlineData("mary.smith", null)]
    [InlineData("mary@localhost", null)]
    [InlineData("mary smith@example.com", null)]
    [InlineData("a@b@example.com", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Email_is_lower_cased_and_null_when_not_local_at_domain_tld(string? raw, string? expected)
    {
        var f = SilverFixtures.Valid();
        f.Customers[0].Email = raw;
        f.Staff[0].Email = raw;
        var state = f.Load();
        PagilaSilver.Layer.RunInMemory(state, SilverFixtures.Context(1));

        Assert.Equal(expected, Assert.Single(state.Rows<Customer>()).Email);
        Assert.Equal(expected, Assert.Single(state.Rows<Staff>()).Email);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(0, false)]
    [InlineData(null, false)]
    public void Is_active_is_active_equals_one(int? active, bool expected)
    {
        var f = SilverFixtures.Valid();
        f.Customers[0].Active = active;
        f.Customers[0].Activebool = true;
        var state = f.Load();
        PagilaSilver.Layer.RunInMemory(state, SilverFixtures.Context(1));
        Assert.Equal(expected, Assert.Single(state.Rows<Customer>()).IsActive);
    }

    [Fact]
    public void Latest_bronze_row_per_key_wins()
    {
        var f = SilverFixtures.Valid();
        f.Actors.Add(f.Stamp(new B.Actor { ActorId = 1, FirstName = "Penny", LastName = "Guiness", LastUpdate = SilverFixtures.T0 }, 1));
        var state = f.Load();
        PagilaSilver.Layer.RunInMemory(state, SilverFixtures.Context(1));
        Assert.Equal("Penny", Assert.Single(state.Rows<Actor>()).FirstName);
    }

    [Fact]
    public void Rerun_reads_nothing_and_a_newer_batch_updates_the_row()
    {
        var f = SilverFixtures.Valid();
        var state = f.Load();
        PagilaSilver.Layer.RunInMemory(state, SilverFixtures.Context(1));

        var rerun = PagilaSilver.Layer.RunInMemory(state, SilverFixtures.Context(2));
        Assert.All(rerun, r => Assert.Equal(0, r.RowsRead));

        f.Actors.Add(f.Stamp(new B.Actor { ActorId = 1, FirstName = "Penelope", LastName = "Cruz", LastUpdate = SilverFixtures.T0 }, 3));
        f.Load(state);
        var third = PagilaSilver.Layer.RunInMemory(state, SilverFixtures.Context(3));
        Assert.Equal(1, third.Single(r => r.Table == "actor").RowsRead);
        var actor = Assert.Single(state.Rows<Actor>());
        Assert.Equal("Cruz", actor.LastName);
        Assert.Equal(3, actor.SourceBatchId);
    }

    [Fact]
    public void Source_delete_becomes_a_soft_delete()
    {
        var f = SilverFixtures.Valid();
        var state = f.Load();
        PagilaSilver.Layer.RunInMemory(state, SilverFixtures.Context(1));

        f.Payments.Add(f.Stamp(new B.Payment { PaymentId = 1 }, 2, Framework.Mixins.BronzeOperation.Delete));
        f.Load(state);
        var context = SilverFixtures.Context(2);
        var results = PagilaSilver.Layer.RunInMemory(state, context);

        var payment = Assert.Single(state.Rows<Payment>());
        Assert.Equal(context.RunTimeUtc, payment.InactivatedDate);
        Assert.Equal(2.99m, payment.Amount);
        var result = results.Single(r => r.Table == "payment");
        Assert.Equal((1, 1, 0, 1), (result.RowsRead, result.RowsWritten, result.RowsQuarantined, result.RowsDeleted));
        Assert.All(PagilaSilver.Layer.RunInMemory(state, SilverFixtures.Context(3)), r => Assert.Equal(0, r.RowsRead));
    }
}
