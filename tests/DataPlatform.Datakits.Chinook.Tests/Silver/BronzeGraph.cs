using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Pipelines;
using B = DataPlatform.Datakits.Chinook.Bronze.Entities;

namespace DataPlatform.Datakits.Chinook.Tests.Silver;

/// <summary>
/// A small, valid Chinook graph of bronze rows (batch 1): artist 1, album 1, genre 1, media type 1, tracks 1–2, playlist 1
/// with both tracks, employees 1 → 2 → 3 (3 reports to 2, 2 to 1), customer 1 of rep 3, invoice 1 with lines 1–2. A test
/// breaks one row and runs the silver layer in memory.
/// </summary>
internal sealed class BronzeGraph
{
    public B.Artist Artist { get; } = new() { ArtistId = 1, Name = " AC/DC " };

    public B.Album Album { get; } = new() { AlbumId = 1, Title = "For Those About To Rock", ArtistId = 1 };

    public B.Genre Genre { get; } = new() { GenreId = 1, Name = "Rock" };

    public B.MediaType MediaType { get; } = new() { MediaTypeId = 1, Name = "MPEG audio file" };

    public List<B.Track> Tracks { get; } =
    [
        new() { TrackId = 1, Name = "Balls to the Wall", AlbumId = 1, MediaTypeId = 1, GenreId = 1, Milliseconds = 342562, Bytes = 5510424, UnitPrice = 0.99m },
        new() { TrackId = 2, Name = "Restless and Wild", AlbumId = 1, MediaTypeId = 1, GenreId = 1, Composer = "  ", Milliseconds = 252051, UnitPrice = 0.99m },
    ];

    public B.Playlist Playlist { get; } = new() { PlaylistId = 1, Name = "Music" };

    public List<B.PlaylistTrack> PlaylistTracks { get; } = [new() { PlaylistId = 1, TrackId = 1 }, new() { PlaylistId = 1, TrackId = 2 }];

    public List<B.Employee> Employees { get; } =
    [
        new() { EmployeeId = 1, FirstName = "Andrew", LastName = "Adams", Email = "andrew@chinookcorp.com" },
        new() { EmployeeId = 2, FirstName = "Nancy", LastName = "Edwards", ReportsTo = 1 },
        new() { EmployeeId = 3, FirstName = "Jane", LastName = "Peacock", ReportsTo = 2 },
    ];

    public B.Customer Customer { get; } = new() { CustomerId = 1, FirstName = "Luís", LastName = "Gonçalves", Email = " Luisg@Embraer.com.br ", SupportRepId = 3 };

    public B.Invoice Invoice { get; } = new() { InvoiceId = 1, CustomerId = 1, InvoiceDate = new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc), Total = 1.98m };

    public List<B.InvoiceLine> Lines { get; } =
    [
        new() { InvoiceLineId = 1, InvoiceId = 1, TrackId = 1, UnitPrice = 0.99m, Quantity = 1 },
        new() { InvoiceLineId = 2, InvoiceId = 1, TrackId = 2, UnitPrice = 0.99m, Quantity = 1 },
    ];

    /// <summary>The rows as the in-memory state of a silver run.</summary>
    public InMemoryLayerState State()
    {
        var state = new InMemoryLayerState();
        state.Add(Stamp([Artist])).Add(Stamp([Album])).Add(Stamp([Genre])).Add(Stamp([MediaType])).Add(Stamp(Tracks))
            .Add(Stamp([Playlist])).Add(Stamp(PlaylistTracks)).Add(Stamp(Employees)).Add(Stamp([Customer])).Add(Stamp([Invoice]))
            .Add(Stamp(Lines));
        return state;
    }

    private static IEnumerable<T> Stamp<T>(IEnumerable<T> rows)
        where T : BronzeRecord =>
        rows.Select(r =>
        {
            r.DpBatchId = 1;
            r.DpOperation = BronzeOperation.Upsert;
            return r;
        }).ToList();
}
