using DataPlatform.Datakits.Chinook.Silver;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Datakits.Chinook.Tests.Silver;

/// <summary>Every silver rule of the Chinook datakit, in memory: one broken row of a valid graph, and what silver does with it and its dependants.</summary>
public sealed class SilverRuleTests
{
    private static readonly TransformContext Context = new(1, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    public static TheoryData<string, string[]> Breaks => new()
    {
        { "blank album title", ["silver_album 1 blank_title", "silver_track 1 parent_quarantined", "silver_track 2 parent_quarantined", "silver_playlist_track 1|1 parent_quarantined", "silver_playlist_track 1|2 parent_quarantined", "silver_invoice_line 1 parent_quarantined", "silver_invoice_line 2 parent_quarantined"] },
        { "orphan album artist", ["silver_album 1 orphan_artist_id", "silver_track 1 parent_quarantined", "silver_track 2 parent_quarantined", "silver_playlist_track 1|1 parent_quarantined", "silver_playlist_track 1|2 parent_quarantined", "silver_invoice_line 1 parent_quarantined", "silver_invoice_line 2 parent_quarantined"] },
        { "blank track name", ["silver_track 1 blank_name", "silver_playlist_track 1|1 parent_quarantined", "silver_invoice_line 1 parent_quarantined"] },
        { "missing track length", ["silver_track 1 missing_value", "silver_playlist_track 1|1 parent_quarantined", "silver_invoice_line 1 parent_quarantined"] },
        { "negative track price", ["silver_track 1 negative_unit_price", "silver_playlist_track 1|1 parent_quarantined", "silver_invoice_line 1 parent_quarantined"] },
        { "orphan track album", ["silver_track 1 orphan_album_id", "silver_playlist_track 1|1 parent_quarantined", "silver_invoice_line 1 parent_quarantined"] },
        { "orphan track media type", ["silver_track 1 orphan_media_type_id", "silver_playlist_track 1|1 parent_quarantined", "silver_invoice_line 1 parent_quarantined"] },
        { "orphan track genre", ["silver_track 1 orphan_genre_id", "silver_playlist_track 1|1 parent_quarantined", "silver_invoice_line 1 parent_quarantined"] },
        { "orphan playlist of a link", ["silver_playlist_track 99|1 orphan_playlist_id"] },
        { "orphan track of a link", ["silver_playlist_track 1|99 orphan_track_id"] },
        { "blank employee name", ["silver_employee 3 blank_name", "silver_customer 1 parent_quarantined", "silver_invoice 1 parent_quarantined", "silver_invoice_line 1 parent_quarantined", "silver_invoice_line 2 parent_quarantined"] },
        { "orphan manager", ["silver_employee 2 orphan_reports_to", "silver_employee 3 parent_quarantined", "silver_customer 1 parent_quarantined", "silver_invoice 1 parent_quarantined", "silver_invoice_line 1 parent_quarantined", "silver_invoice_line 2 parent_quarantined"] },
        { "blank top manager", ["silver_employee 1 blank_name", "silver_employee 2 parent_quarantined", "silver_employee 3 parent_quarantined", "silver_customer 1 parent_quarantined", "silver_invoice 1 parent_quarantined", "silver_invoice_line 1 parent_quarantined", "silver_invoice_line 2 parent_quarantined"] },
        { "blank customer name", ["silver_customer 1 blank_name", "silver_invoice 1 parent_quarantined", "silver_invoice_line 1 parent_quarantined", "silver_invoice_line 2 parent_quarantined"] },
        { "orphan support rep", ["silver_customer 1 orphan_support_rep_id", "silver_invoice 1 parent_quarantined", "silver_invoice_line 1 parent_quarantined", "silver_invoice_line 2 parent_quarantined"] },
        { "missing invoice date", ["silver_invoice 1 missing_value", "silver_invoice_line 1 parent_quarantined", "silver_invoice_line 2 parent_quarantined"] },
        { "sentinel invoice date", ["silver_invoice 1 implausible_date", "silver_invoice_line 1 parent_quarantined", "silver_invoice_line 2 parent_quarantined"] },
        { "negative invoice total", ["silver_invoice 1 negative_total", "silver_invoice_line 1 parent_quarantined", "silver_invoice_line 2 parent_quarantined"] },
        { "orphan invoice customer", ["silver_invoice 1 orphan_customer_id", "silver_invoice_line 1 parent_quarantined", "silver_invoice_line 2 parent_quarantined"] },
        { "missing line quantity", ["silver_invoice_line 1 missing_value"] },
        { "zero quantity", ["silver_invoice_line 1 non_positive_quantity"] },
        { "negative quantity", ["silver_invoice_line 1 non_positive_quantity"] },
        { "negative line price", ["silver_invoice_line 1 negative_unit_price"] },
        { "orphan line invoice", ["silver_invoice_line 1 orphan_invoice_id"] },
        { "orphan line track", ["silver_invoice_line 1 orphan_track_id"] },
    };

    [Fact]
    public void The_valid_graph_is_applied_whole_and_cleaned()
    {
        var state = new BronzeGraph().State();
        var results = ChinookSilver.Layer.RunInMemory(state, Context);

        Assert.Empty(state.Quarantined);
        Assert.All(results, r => Assert.Equal((r.RowsRead, 0L), (r.RowsWritten, r.RowsQuarantined)));
        Assert.Equal(("AC/DC", 1L), (state.Rows<Artist>().Single().Name, state.Rows<Artist>().Single().SourceBatchId));
        Assert.Null(state.Rows<Track>().Single(t => t.TrackId == 2).Composer);
        Assert.Equal("luisg@embraer.com.br", state.Rows<Customer>().Single().Email);
        Assert.Null(state.Rows<Employee>().Single(e => e.EmployeeId == 2).Email);
        Assert.Equal(3, state.Rows<Employee>().Count);
    }

    [Theory]
    [MemberData(nameof(Breaks))]
    public void A_broken_row_and_its_dependants_are_quarantined_and_stay_out_of_silver(string change, string[] expected)
    {
        var graph = new BronzeGraph();
        Break(graph, change);
        var state = graph.State();

        var results = ChinookSilver.Layer.RunInMemory(state, Context);

        Assert.Equal(expected.Order(StringComparer.Ordinal), state.Quarantined.Select(q => $"{q.Transform} {q.Key} {q.Rule}").Order(StringComparer.Ordinal));
        Assert.All(results, r => Assert.Equal(r.RowsRead, r.RowsWritten + r.RowsQuarantined));
        Assert.Equal(3 - expected.Count(e => e.StartsWith("silver_employee ", StringComparison.Ordinal)), state.Rows<Employee>().Count);
        Assert.Equal(2 - expected.Count(e => e.StartsWith("silver_invoice_line ", StringComparison.Ordinal)), state.Rows<InvoiceLine>().Count);
    }

    [Theory]
    [InlineData(" x@Example.COM ", "x@example.com")]
    [InlineData("x.example.com", null)]
    [InlineData("x@example", null)]
    [InlineData("@example.com", null)]
    [InlineData("a b@example.com", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void E_mails_are_trimmed_lower_cased_and_null_unless_local_at_domain_tld(string? email, string? expected)
    {
        var graph = new BronzeGraph();
        graph.Customer.Email = email;
        graph.Employees[0].Email = email;
        var state = graph.State();

        ChinookSilver.Layer.RunInMemory(state, Context);

        Assert.Empty(state.Quarantined);
        Assert.Equal(expected, state.Rows<Customer>().Single().Email);
        Assert.Equal(expected, state.Rows<Employee>().Single(e => e.EmployeeId == 1).Email);
    }

    [Fact]
    public void Blank_optional_text_becomes_null_and_text_is_trimmed()
    {
        var graph = new BronzeGraph();
        graph.Customer.Company = "\u00a0";
        graph.Customer.City = "  São Paulo\n";
        graph.Genre.Name = "\u3000";
        graph.Playlist.Name = "";
        graph.Album.Title = "\tTitle ";
        var state = graph.State();

        ChinookSilver.Layer.RunInMemory(state, Context);

        var customer = state.Rows<Customer>().Single();
        Assert.Equal((null, "São Paulo"), (customer.Company, customer.City));
        Assert.Null(state.Rows<Genre>().Single().Name);
        Assert.Null(state.Rows<Playlist>().Single().Name);
        Assert.Equal("Title", state.Rows<Album>().Single().Title);
    }

    [Fact]
    public void A_quarantined_row_is_applied_once_its_parent_arrives()
    {
        var graph = new BronzeGraph();
        graph.Lines[0].TrackId = 3;
        var state = graph.State();
        ChinookSilver.Layer.RunInMemory(state, Context);
        Assert.Contains(new InMemoryQuarantineDecision("silver_invoice_line", "1", "orphan_track_id"), state.Quarantined);

        state.Add(graph.Tracks.Append(new() { TrackId = 3, Name = "Fast As a Shark", AlbumId = 1, MediaTypeId = 1, Milliseconds = 230619, UnitPrice = 0.99m, DpBatchId = 2 }));
        var results = ChinookSilver.Layer.RunInMemory(state, new TransformContext(2, Context.RunTimeUtc.AddDays(1)));

        Assert.Equal((1L, 1L, 0L), results.Where(r => r.Table == "invoice_line").Select(r => (r.RowsRead, r.RowsWritten, r.RowsQuarantined)).Single());
        Assert.Equal(2, state.Rows<InvoiceLine>().Count);
    }

    private static void Break(BronzeGraph graph, string change)
    {
        switch (change)
        {
            case "blank album title": graph.Album.Title = " \u2003"; break;
            case "orphan album artist": graph.Album.ArtistId = 99; break;
            case "blank track name": graph.Tracks[0].Name = ""; break;
            case "missing track length": graph.Tracks[0].Milliseconds = null; break;
            case "negative track price": graph.Tracks[0].UnitPrice = -0.99m; break;
            case "orphan track album": graph.Tracks[0].AlbumId = 99; break;
            case "orphan track media type": graph.Tracks[0].MediaTypeId = 99; break;
            case "orphan track genre": graph.Tracks[0].GenreId = 99; break;
            case "orphan playlist of a link": graph.PlaylistTracks.Add(new() { PlaylistId = 99, TrackId = 1 }); break;
            case "orphan track of a link": graph.PlaylistTracks.Add(new() { PlaylistId = 1, TrackId = 99 }); break;
            case "blank employee name": graph.Employees[2].LastName = null; break;
            case "orphan manager": graph.Employees[1].ReportsTo = 99; break;
            case "blank top manager": graph.Employees[0].FirstName = "\u0085"; break;
            case "blank customer name": graph.Customer.FirstName = "   "; break;
            case "orphan support rep": graph.Customer.SupportRepId = 99; break;
            case "missing invoice date": graph.Invoice.InvoiceDate = null; break;
            case "sentinel invoice date": graph.Invoice.InvoiceDate = new DateTime(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc); break;
            case "negative invoice total": graph.Invoice.Total = -1m; break;
            case "orphan invoice customer": graph.Invoice.CustomerId = 99; break;
            case "missing line quantity": graph.Lines[0].Quantity = null; break;
            case "zero quantity": graph.Lines[0].Quantity = 0; break;
            case "negative quantity": graph.Lines[0].Quantity = -1; break;
            case "negative line price": graph.Lines[0].UnitPrice = -0.99m; break;
            case "orphan line invoice": graph.Lines[0].InvoiceId = 99; break;
            case "orphan line track": graph.Lines[0].TrackId = 99; break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, "unknown change");
        }
    }
}
