using DataPlatform.Datakits.Pagila.Bronze.Entities;
using DataPlatform.Framework.Extraction;

namespace DataPlatform.Datakits.Pagila.Bronze;

/// <summary>The Pagila bronze layer as the framework's extraction engine runs it.</summary>
public static class PagilaBronze
{
    /// <summary>The safety lag of the <c>last_update</c> cursors: a row committed up to this long after its <c>last_update</c> is still read.</summary>
    public static readonly TimeSpan Lag = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many <c>payment_id</c>s below the high-water mark every run re-reads: <c>payment</c> has no <c>last_update</c>
    /// and is insert-only in Pagila; a payment committed late with a lower id, or an update of one of the newest payments,
    /// is caught within this window, anything older by a full refresh.
    /// </summary>
    public const long PaymentLateWindow = 1_000;

    /// <summary>
    /// The 15 tables, referenced tables first (the order of results and of the summary): <c>Cursor("last_update", 5 min)</c> for the 14 with <c>last_update</c>,
    /// <c>HighWater("payment_id", 1000)</c> for <c>payment</c>, from schema <c>public</c>.
    /// </summary>
    public static BronzeLayer<PagilaBronzeContext> Layer { get; } = new BronzeLayer<PagilaBronzeContext>()
        .Table<Country>(LastUpdate())
        .Table<City>(LastUpdate())
        .Table<Address>(LastUpdate())
        .Table<Language>(LastUpdate())
        .Table<Category>(LastUpdate())
        .Table<Actor>(LastUpdate())
        .Table<Film>(LastUpdate())
        .Table<FilmActor>(LastUpdate())
        .Table<FilmCategory>(LastUpdate())
        .Table<Store>(LastUpdate())
        .Table<Staff>(LastUpdate())
        .Table<Customer>(LastUpdate())
        .Table<Inventory>(LastUpdate())
        .Table<Rental>(LastUpdate())
        .Table<Payment>(ExtractionPolicy.HighWater("payment_id", PaymentLateWindow));

    private static ExtractionPolicy LastUpdate() => ExtractionPolicy.Cursor("last_update", Lag);
}
