using DataPlatform.Datakits.Chinook.Source;
using DataPlatform.Datakits.Chinook.Source.Generation;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.TestData;

namespace DataPlatform.Datakits.Chinook.Tests.Source;

/// <summary>The synthetic Chinook generator: deterministic, real row counts at scale 1, clean at rate 0, and exactly the reported bad rows.</summary>
public sealed class ChinookGeneratorTests
{
    [Fact]
    public void Scale_1_gives_the_real_row_counts_and_a_clean_source_at_rate_0()
    {
        var generator = new ChinookGenerator(new SyntheticSourceOptions(1, 0, 42));
        Assert.Equal(ChinookTables.RealRowCounts.OrderBy(c => c.Key), generator.RowCounts.OrderBy(c => c.Key));
        Assert.Empty(generator.Report.Defects);
        Assert.Empty(Found(generator));

        var invoices = generator.Invoices().ToList();
        var lines = generator.InvoiceLines().ToList();
        Assert.All(invoices, i => Assert.Equal(i.Total, lines.Where(l => l.InvoiceId == i.InvoiceId).Sum(l => l.UnitPrice * l.Quantity)));
        Assert.Equal((new DateTime(2021, 1, 1), new DateTime(2025, 12, 22)), (invoices.Min(i => i.InvoiceDate), invoices.Max(i => i.InvoiceDate)));
        Assert.Equal(generator.PlaylistTracks().Count(), generator.PlaylistTracks().Select(p => (p.PlaylistId, p.TrackId)).Distinct().Count());
    }

    [Fact]
    public void The_same_options_give_the_same_rows()
    {
        static string Snapshot(ChinookGenerator g) =>
            string.Join("|", g.Customers().Select(c => $"{c.CustomerId},{c.FirstName},{c.Email},{c.SupportRepId}"))
            + string.Join("|", g.InvoiceLines().Select(l => $"{l.InvoiceLineId},{l.TrackId},{l.UnitPrice},{l.Quantity}"));
        var options = new SyntheticSourceOptions(2, 0.05, 9);
        Assert.Equal(Snapshot(new ChinookGenerator(options)), Snapshot(new ChinookGenerator(options)));
        Assert.NotEqual(Snapshot(new ChinookGenerator(options)), Snapshot(new ChinookGenerator(options with { Seed = 10 })));
        Assert.Equal(118, new ChinookGenerator(options).RowCounts["customer"]);
    }

    [Theory]
    [InlineData(0.02)]
    [InlineData(0.1)]
    public void The_report_lists_exactly_the_bad_rows_in_the_streams(double rate)
    {
        var generator = new ChinookGenerator(new SyntheticSourceOptions(1, rate, 3));
        var found = Found(generator);
        Assert.Equal(generator.Report.Defects.OrderBy(d => d.ToString(), StringComparer.Ordinal), found.OrderBy(d => d.ToString(), StringComparer.Ordinal));
        Assert.All(generator.Report.Defects, d => Assert.Equal((int)Math.Round(generator.RowCounts[d.Table] * rate, MidpointRounding.AwayFromZero), d.Count));
    }

    [Fact]
    public void Options_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChinookGenerator(new SyntheticSourceOptions(0, 0, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChinookGenerator(new SyntheticSourceOptions(1, 1.5, 1)));
    }

    // Scans the streams for every kind of bad row, independently of the plan.
    private static List<PlantedDefect<ChinookDefectKind>> Found(ChinookGenerator g)
    {
        var artists = g.Artists().Select(a => a.ArtistId).ToHashSet();
        var albums = g.Albums().ToList();
        var tracks = g.Tracks().ToList();
        var employees = g.Employees().ToList();
        var customers = g.Customers().ToList();
        var invoices = g.Invoices().ToList();
        var lines = g.InvoiceLines().ToList();
        var links = g.PlaylistTracks().ToList();
        var (albumIds, trackIds, genreIds, mediaIds) = (albums.Select(a => a.AlbumId).ToHashSet(), tracks.Select(t => t.TrackId).ToHashSet(),
            g.Genres().Select(x => x.GenreId).ToHashSet(), g.MediaTypes().Select(x => x.MediaTypeId).ToHashSet());
        var (employeeIds, customerIds, invoiceIds, playlistIds) = (employees.Select(e => e.EmployeeId).ToHashSet(), customers.Select(c => c.CustomerId).ToHashSet(),
            invoices.Select(i => i.InvoiceId).ToHashSet(), g.Playlists().Select(p => p.PlaylistId).ToHashSet());
        static bool Blank(string s) => string.IsNullOrWhiteSpace(s);
        static bool Email(string? e) => e is not null && System.Text.RegularExpressions.Regex.IsMatch(e, DataPlatform.Framework.Transforms.CleaningPatterns.Email);
        PlantedDefect<ChinookDefectKind>[] all =
        [
            new("album", "title", ChinookDefectKind.BlankRequiredName, albums.Count(a => Blank(a.Title))),
            new("album", "artist_id", ChinookDefectKind.OrphanReference, albums.Count(a => !artists.Contains(a.ArtistId))),
            new("track", "name", ChinookDefectKind.BlankRequiredName, tracks.Count(t => Blank(t.Name))),
            new("track", "album_id", ChinookDefectKind.OrphanReference, tracks.Count(t => t.AlbumId is { } a && !albumIds.Contains(a))),
            new("track", "media_type_id", ChinookDefectKind.OrphanReference, tracks.Count(t => !mediaIds.Contains(t.MediaTypeId))),
            new("track", "genre_id", ChinookDefectKind.OrphanReference, tracks.Count(t => t.GenreId is { } x && !genreIds.Contains(x))),
            new("track", "unit_price", ChinookDefectKind.NegativeAmount, tracks.Count(t => t.UnitPrice < 0)),
            new("playlist_track", "playlist_id", ChinookDefectKind.OrphanReference, links.Count(l => !playlistIds.Contains(l.PlaylistId))),
            new("playlist_track", "track_id", ChinookDefectKind.OrphanReference, links.Count(l => !trackIds.Contains(l.TrackId))),
            new("employee", "first_name", ChinookDefectKind.BlankRequiredName, employees.Count(e => Blank(e.FirstName))),
            new("employee", "reports_to", ChinookDefectKind.OrphanReference, employees.Count(e => e.ReportsTo is { } m && !employeeIds.Contains(m))),
            new("employee", "email", ChinookDefectKind.MalformedEmail, employees.Count(e => !Email(e.Email))),
            new("customer", "first_name", ChinookDefectKind.BlankRequiredName, customers.Count(c => Blank(c.FirstName))),
            new("customer", "support_rep_id", ChinookDefectKind.OrphanReference, customers.Count(c => c.SupportRepId is { } r && !employeeIds.Contains(r))),
            new("customer", "email", ChinookDefectKind.MalformedEmail, customers.Count(c => !Email(c.Email))),
            new("invoice", "customer_id", ChinookDefectKind.OrphanReference, invoices.Count(i => !customerIds.Contains(i.CustomerId))),
            new("invoice", "total", ChinookDefectKind.NegativeAmount, invoices.Count(i => i.Total < 0)),
            new("invoice_line", "invoice_id", ChinookDefectKind.OrphanReference, lines.Count(l => !invoiceIds.Contains(l.InvoiceId))),
            new("invoice_line", "track_id", ChinookDefectKind.OrphanReference, lines.Count(l => !trackIds.Contains(l.TrackId))),
            new("invoice_line", "quantity", ChinookDefectKind.NonPositiveQuantity, lines.Count(l => l.Quantity <= 0)),
            new("invoice_line", "unit_price", ChinookDefectKind.NegativeAmount, lines.Count(l => l.UnitPrice < 0)),
        ];
        return all.Where(d => d.Count > 0).ToList();
    }
}
