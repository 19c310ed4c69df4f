using DataPlatform.Framework.Mixins;
using B = DataPlatform.Datakits.Chinook.Bronze.Entities;

namespace DataPlatform.Datakits.Chinook.Tests.Silver;

/// <summary>
/// Hand-made bronze rows with the inputs where C# and PostgreSQL disagree (DESIGN.md §6): non-ASCII spaces (NBSP, U+2003,
/// U+3000, U+0085, VT, FF), <c>İ</c>/<c>ı</c> casing, trailing newlines before the end of an e-mail, NULLs, blank strings,
/// two versions of one key in one batch, orphans, a self-referencing chain and children of quarantined rows. Ids from
/// 800001 up, apart from the generated rows; the graph is self-contained.
/// </summary>
internal static class AwkwardBronze
{
    private const string Nbsp = "\u00a0";
    private const string EmSpace = "\u2003";
    private const string IdeographicSpace = "\u3000";
    private const string NextLine = "\u0085";

    public static IReadOnlyList<string?> Emails { get; } =
    [
        "İPEK.ŞAHİN@EXAMPLE.COM", "ırmak@example.com\n", Nbsp + "Mary@Example.ORG" + IdeographicSpace, "a b@example.com", "a@b@example.com",
        "user@example", "@example.com", "a@b\n.com", "   ", null, "user@example.com.\n", "x@y.z\v", "a" + Nbsp + "b@c.com",
        "ΣΊΣΥΦΟΣ@ΕΛ.GR", "\fTAB\t@EXAMPLE.COM" + NextLine, "",
    ];

    public static List<BronzeRecord> FirstRound(long batch)
    {
        var rows = new List<BronzeRecord>
        {
            new B.Artist { ArtistId = 800001, Name = Nbsp + "Sezen Aksu" + EmSpace },
            new B.Artist { ArtistId = 800002, Name = IdeographicSpace },
            new B.Artist { ArtistId = 800003, Name = null },
            new B.Album { AlbumId = 800001, Title = "İSTANBUL\n", ArtistId = 800001 },
            new B.Album { AlbumId = 800002, Title = NextLine + "\v\f", ArtistId = 800002 },
            new B.Album { AlbumId = 800003, Title = "Orphan", ArtistId = 899999 },
            new B.Genre { GenreId = 800001, Name = "\fTürkçe Pop\v" },
            new B.MediaType { MediaTypeId = 800001, Name = "" },
            new B.Track { TrackId = 800001, Name = EmSpace + "Gülümse" + NextLine, AlbumId = 800001, MediaTypeId = 800001, GenreId = 800001, Composer = Nbsp, Milliseconds = 1, UnitPrice = 0m },
            new B.Track { TrackId = 800002, Name = "Child of blank album", AlbumId = 800002, MediaTypeId = 800001, Milliseconds = 2, UnitPrice = 0.99m },
            new B.Track { TrackId = 800003, Name = "No album", AlbumId = null, MediaTypeId = 800001, GenreId = null, Milliseconds = 3, UnitPrice = 1.99m },
            new B.Track { TrackId = 800004, Name = "ıı", AlbumId = 800001, MediaTypeId = null, Milliseconds = 4, UnitPrice = 0.99m },
            new B.Playlist { PlaylistId = 800001, Name = "  " },
            new B.PlaylistTrack { PlaylistId = 800001, TrackId = 800001 },
            new B.PlaylistTrack { PlaylistId = 800001, TrackId = 800002 },
            new B.PlaylistTrack { PlaylistId = 800002, TrackId = 800003 },
            new B.Employee { EmployeeId = 800001, FirstName = "İlker", LastName = "Aydın", Email = "İLKER@CHİNOOK.COM" },
            new B.Employee { EmployeeId = 800002, FirstName = "Ayşe", LastName = "Yılmaz" + IdeographicSpace, ReportsTo = 800001 },
            new B.Employee { EmployeeId = 800003, FirstName = "Deep", LastName = "Chain", ReportsTo = 800002 },
            new B.Employee { EmployeeId = 800004, FirstName = "Deeper", LastName = "Chain", ReportsTo = 800003 },
            new B.Employee { EmployeeId = 800005, FirstName = NextLine, LastName = "Blank", ReportsTo = 800001 },
            new B.Employee { EmployeeId = 800006, FirstName = "Under", LastName = "Blank", ReportsTo = 800005 },
        };
        for (var i = 0; i < Emails.Count; i++)
        {
            rows.Add(new B.Customer { CustomerId = 800101 + i, FirstName = "İpek" + i, LastName = "Şahin", Email = Emails[i], SupportRepId = i % 3 == 0 ? 800002 : i % 3 == 1 ? 800005 : null, City = i % 2 == 0 ? EmSpace : "İzmir\n" });
        }

        rows.Add(new B.Invoice { InvoiceId = 800001, CustomerId = 800101, InvoiceDate = new DateTime(2023, 12, 31, 23, 59, 59, DateTimeKind.Utc), Total = 0.99m, BillingCountry = Nbsp });
        rows.Add(new B.Invoice { InvoiceId = 800002, CustomerId = 800102, InvoiceDate = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), Total = 1m });
        rows.Add(new B.Invoice { InvoiceId = 800003, CustomerId = 899999, InvoiceDate = new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc), Total = 1m });
        rows.Add(new B.InvoiceLine { InvoiceLineId = 800001, InvoiceId = 800001, TrackId = 800001, UnitPrice = 0.99m, Quantity = 1 });
        rows.Add(new B.InvoiceLine { InvoiceLineId = 800002, InvoiceId = 800002, TrackId = 800001, UnitPrice = 0.99m, Quantity = 0 });
        rows.Add(new B.InvoiceLine { InvoiceLineId = 800003, InvoiceId = 800003, TrackId = 800001, UnitPrice = 0.99m, Quantity = 1 });
        rows.Add(new B.InvoiceLine { InvoiceLineId = 800004, InvoiceId = 800001, TrackId = 800002, UnitPrice = 0.99m, Quantity = 1 });

        rows = Stamped(rows, batch);

        // Two not-yet-applied versions of one key (an older batch and this one): the newer must win on both paths alike.
        rows.Add(new B.Artist { ArtistId = 800004, Name = "First", DpBatchId = batch - 1 });
        rows.Add(new B.Artist { ArtistId = 800004, Name = "Second" + Nbsp, DpBatchId = batch });
        return rows;
    }

    /// <summary>The second round: a late parent, fixes, a delete, an update and a newly blank row.</summary>
    public static List<BronzeRecord> SecondRound(long batch) => Stamped(
    [
        new B.Artist { ArtistId = 899999, Name = "Late parent" },
        new B.Album { AlbumId = 800002, Title = "Fixed title", ArtistId = 800002 },
        new B.Employee { EmployeeId = 800005, FirstName = "Fixed", LastName = "Blank", ReportsTo = 800001 },
        new B.Customer { CustomerId = 800103, FirstName = "Gone", LastName = "Customer", DpOperation = BronzeOperation.Delete },
        new B.Customer { CustomerId = 800104, FirstName = "İpek3", LastName = "Şahin", Email = "NEW@EXAMPLE.COM", SupportRepId = 800002 },
        new B.Track { TrackId = 800003, Name = EmSpace, AlbumId = null, MediaTypeId = 800001, Milliseconds = 3, UnitPrice = 1.99m },
        new B.Invoice { InvoiceId = 800002, CustomerId = 800102, InvoiceDate = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), Total = -1m },
    ], batch);

    private static List<BronzeRecord> Stamped(List<BronzeRecord> rows, long batch)
    {
        foreach (var row in rows)
        {
            row.DpBatchId = batch;
        }

        return rows;
    }
}
