using DataPlatform.Datakits.Chinook.Bronze.Entities;
using DataPlatform.Framework.Extraction;

namespace DataPlatform.Datakits.Chinook.Bronze;

/// <summary>The Chinook bronze layer as the framework's extraction engine runs it.</summary>
public static class ChinookBronze
{
    /// <summary>
    /// The 11 tables, referenced tables first, all <see cref="ExtractionPolicy.Snapshot"/>: Chinook has no update timestamp,
    /// and its ids are not insert-ordered enough for a high-water mark to see updates, so every run compares per-key record
    /// hashes and appends only new and changed rows (deletes are detected on every run).
    /// </summary>
    public static BronzeLayer<ChinookBronzeContext> Layer { get; } = new BronzeLayer<ChinookBronzeContext>()
        .Table<Artist>(ExtractionPolicy.Snapshot())
        .Table<Album>(ExtractionPolicy.Snapshot())
        .Table<Genre>(ExtractionPolicy.Snapshot())
        .Table<MediaType>(ExtractionPolicy.Snapshot())
        .Table<Track>(ExtractionPolicy.Snapshot())
        .Table<Playlist>(ExtractionPolicy.Snapshot())
        .Table<PlaylistTrack>(ExtractionPolicy.Snapshot())
        .Table<Employee>(ExtractionPolicy.Snapshot())
        .Table<Customer>(ExtractionPolicy.Snapshot())
        .Table<Invoice>(ExtractionPolicy.Snapshot())
        .Table<InvoiceLine>(ExtractionPolicy.Snapshot());
}
