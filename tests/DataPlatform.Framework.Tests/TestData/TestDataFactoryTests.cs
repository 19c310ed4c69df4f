using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.TestData;

namespace DataPlatform.Framework.Tests.TestData;

public sealed class TestDataFactoryTests
{
    [Fact]
    public void Same_seed_gives_the_same_rows_for_every_mixin_helper()
    {
        static string Snapshot(int seed)
        {
            var data = new TestDataFactory(seed);
            var genres = data.ReferenceRows<Genre>(20, (f, g, i) => { g.Id = i; g.Name = f.Music.Genre(); }, inactiveShare: 0.25);
            var orders = data.TransactionalRows<Order>(50, (f, o, i) => { o.Id = i; o.Amount = f.Finance.Amount(); }, new DateTime(2023, 1, 1), new DateTime(2023, 12, 31)).ToList();
            var prices = data.TemporalVersions(5, (f, i) => new Price { Id = 1, Value = f.Random.Decimal(1, 100) }, new DateTime(2023, 1, 1), TimeSpan.FromDays(10));
            return string.Join("|", genres.Select(g => $"{g.Name}{g.InactivatedDate:O}"))
                + string.Join("|", orders.Select(o => $"{o.Amount}{o.CreatedAt:O}{o.UpdatedAt:O}"))
                + string.Join("|", prices.Select(p => $"{p.Value}{p.EffectiveTime:O}"));
        }

        Assert.Equal(Snapshot(3), Snapshot(3));
        Assert.NotEqual(Snapshot(3), Snapshot(4));
    }

    [Fact]
    public void Reference_rows_inactivate_exactly_the_requested_share()
    {
        var rows = new TestDataFactory(1).ReferenceRows<Genre>(40, (f, g, i) => g.Name = f.Lorem.Word(), inactiveShare: 0.25);

        Assert.Equal(10, rows.Count(r => r.InactivatedDate is not null));
        Assert.All(rows, r => Assert.Equal(TestDataFactory.DefaultReferenceTime, r.Systime));
        Assert.All(rows.Where(r => r.InactivatedDate is not null), r => Assert.InRange(r.InactivatedDate!.Value, TestDataFactory.DefaultReferenceTime.AddYears(-1), TestDataFactory.DefaultReferenceTime));
    }

    [Fact]
    public void Transactional_rows_spread_created_and_updated_over_the_period()
    {
        var from = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = new DateTime(2023, 12, 31, 0, 0, 0, DateTimeKind.Utc);
        var rows = new TestDataFactory(2).TransactionalRows<Order>(500, (f, o, i) => o.Id = i, from, to).ToList();

        Assert.All(rows, r =>
        {
            Assert.InRange(r.CreatedAt, from, to);
            Assert.InRange(r.UpdatedAt, r.CreatedAt, to);
            Assert.Equal(r.UpdatedAt, r.Systime);
            Assert.Equal(DateTimeKind.Utc, r.CreatedAt.Kind);
        });
        Assert.Contains(rows, r => r.UpdatedAt > r.CreatedAt);
        Assert.Contains(rows, r => r.UpdatedAt == r.CreatedAt);
        Assert.True(rows.Max(r => r.CreatedAt) - rows.Min(r => r.CreatedAt) > TimeSpan.FromDays(300));
    }

    [Fact]
    public void Temporal_versions_have_increasing_effective_times()
    {
        var versions = new TestDataFactory(5).TemporalVersions(10, (f, i) => new Price { Id = 7, Value = i }, new DateTime(2023, 1, 1), TimeSpan.FromDays(3));

        Assert.Equal(new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc), versions[0].EffectiveTime);
        Assert.All(versions.Zip(versions.Skip(1)), pair => Assert.True(pair.Second.EffectiveTime > pair.First.EffectiveTime));
        Assert.All(versions, v => Assert.Equal(v.EffectiveTime, v.Systime));
    }

    private sealed class Genre : IReferenceData
    {
        public int Id { get; set; }

        public string Name { get; set; } = string.Empty;

        public DateTime? InactivatedDate { get; set; }

        public DateTime Systime { get; set; }
    }

    private sealed class Order : ITransactionalData
    {
        public int Id { get; set; }

        public decimal Amount { get; set; }

        public DateTime CreatedAt { get; set; }

        public DateTime UpdatedAt { get; set; }

        public DateTime Systime { get; set; }
    }

    private sealed class Price : ITemporalData
    {
        public int Id { get; set; }

        public decimal Value { get; set; }

        public DateTime EffectiveTime { get; set; }

        public DateTime Systime { get; set; }
    }
}
