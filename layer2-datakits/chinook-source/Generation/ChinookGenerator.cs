using Bogus;
using DataPlatform.Datakits.Chinook.Source.Entities;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.TestData;
using K = DataPlatform.Datakits.Chinook.Source.Generation.ChinookDefectKind;

namespace DataPlatform.Datakits.Chinook.Source.Generation;

/// <summary>
/// Generates a synthetic Chinook source, deterministic for its <see cref="SyntheticSourceOptions"/>. Each table is an
/// independent lazy stream; names come from Bogus (one seeded stream per table), references, prices and dates from the
/// stateless <see cref="RowRandom"/>, so a table streams alone and twice gives the same rows. Scale 1 gives the real
/// Chinook row counts: <c>customer</c>, <c>invoice</c> and <c>invoice_line</c> grow with the scale, the catalogue and the 8
/// employees (a general manager, two managers, five reports) do not. At dirty rate r (or with a handful of defects per slot,
/// <see cref="SyntheticSourceOptions.DefectsPerSlot"/>) the streams hold exactly the bad rows of <see cref="Report"/>; at 0
/// every reference resolves and every invoice's total is the sum of its lines. With a handful, tracks avoid bad albums and
/// invoices bad customers, so only a bad track's playlist entries and invoice lines and a bad invoice's lines depend on a bad row.
/// </summary>
public sealed class ChinookGenerator
{
    private static readonly DateTime s_firstInvoice = new(2021, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
    private static readonly int[] s_managers = [0, 0, 1, 2, 2, 2, 1, 6, 6];
    private static readonly string[] s_titles = ["", "General Manager", "Sales Manager", "Sales Support Agent", "Sales Support Agent", "Sales Support Agent", "IT Manager", "IT Staff", "IT Staff"];
    private static readonly string[] s_mediaTypes = ["MPEG audio file", "Protected AAC audio file", "Protected MPEG-4 video file", "Purchased AAC audio file", "AAC audio file"];

    private readonly Dictionary<string, DefectPlan<K>> _plans = new(StringComparer.Ordinal);
    private readonly int _seed;

    /// <summary>Creates a generator.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The scale is not positive or the dirty rate is outside [0, 1].</exception>
    public ChinookGenerator(SyntheticSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _seed = options.Seed;
        var counts = new Dictionary<string, int>(ChinookTables.RealRowCounts, StringComparer.Ordinal);
        foreach (var table in new[] { "customer", "invoice", "invoice_line" })
        {
            counts[table] = DirtyValues.Scaled(counts[table], options.Scale);
        }

        counts["invoice_line"] = Math.Max(counts["invoice_line"], counts["invoice"]);
        RowCounts = counts;
        void Plan(string table, params (string Column, K Kind)[] slots) =>
            _plans[table] = options.DefectsPerSlot is { } handful
                ? DefectPlan<K>.Handful(table, counts[table], handful, _seed, slots)
                : new DefectPlan<K>(table, counts[table], options.DirtyRate, _seed, slots);
        Plan("artist");
        Plan("album", ("title", K.BlankRequiredName), ("artist_id", K.OrphanReference));
        Plan("genre");
        Plan("media_type");
        Plan("track", ("name", K.BlankRequiredName), ("album_id", K.OrphanReference), ("media_type_id", K.OrphanReference),
            ("genre_id", K.OrphanReference), ("unit_price", K.NegativeAmount));
        Plan("playlist");
        Plan("playlist_track", ("playlist_id", K.OrphanReference), ("track_id", K.OrphanReference));
        Plan("employee", ("first_name", K.BlankRequiredName), ("reports_to", K.OrphanReference), ("email", K.MalformedEmail));
        Plan("customer", ("first_name", K.BlankRequiredName), ("support_rep_id", K.OrphanReference), ("email", K.MalformedEmail));
        Plan("invoice", ("customer_id", K.OrphanReference), ("total", K.NegativeAmount));
        Plan("invoice_line", ("invoice_id", K.OrphanReference), ("track_id", K.OrphanReference),
            ("quantity", K.NonPositiveQuantity), ("unit_price", K.NegativeAmount));
        Report = new DirtyReport<K>(ChinookTables.All.Select(t => _plans[t]));
    }

    /// <summary>The number of rows each table's stream yields, by table name.</summary>
    public IReadOnlyDictionary<string, int> RowCounts { get; }

    /// <summary>The bad rows the streams contain, per table, column and kind (empty at dirty rate 0).</summary>
    public DirtyReport<K> Report { get; }

    /// <summary>Rows of <c>artist</c>.</summary>
    public IEnumerable<Artist> Artists() => Rows("artist", (f, i, _) => new Artist { ArtistId = i + 1, Name = Cut(f.Name.FullName(), 120) });

    /// <summary>Rows of <c>album</c>.</summary>
    public IEnumerable<Album> Albums() => Rows("album", (f, i, p) => new Album
    {
        AlbumId = i + 1,
        Title = p.Has(i, "title") ? DirtyValues.Blank(i) : Cut(f.Commerce.ProductName(), 160),
        ArtistId = p.Has(i, "artist_id") ? DirtyValues.Orphan(i) : Random("album", i).Int(0, 1, RowCounts["artist"] + 1),
    });

    /// <summary>Rows of <c>genre</c>.</summary>
    public IEnumerable<Genre> Genres() => Rows("genre", (f, i, _) => new Genre { GenreId = i + 1, Name = f.Music.Genre() + " " + (i + 1) });

    /// <summary>Rows of <c>media_type</c>.</summary>
    public IEnumerable<MediaType> MediaTypes() => Rows("media_type", (_, i, _) => new MediaType { MediaTypeId = i + 1, Name = s_mediaTypes[i % s_mediaTypes.Length] });

    /// <summary>Rows of <c>track</c>.</summary>
    public IEnumerable<Track> Tracks() => Rows("track", (f, i, p) =>
    {
        var random = Random("track", i);
        var milliseconds = random.Int(3, 60_000, 600_000);
        return new Track
        {
            TrackId = i + 1,
            Name = p.Has(i, "name") ? DirtyValues.Blank(i) : Cut(f.Lorem.Sentence(3), 200),
            AlbumId = p.Has(i, "album_id") ? DirtyValues.Orphan(i) : Reference("album", random.Int(0, 1, RowCounts["album"] + 1)),
            MediaTypeId = p.Has(i, "media_type_id") ? DirtyValues.Orphan(i) : random.Int(1, 1, RowCounts["media_type"] + 1),
            GenreId = p.Has(i, "genre_id") ? DirtyValues.Orphan(i) : random.Int(2, 1, RowCounts["genre"] + 1),
            Composer = random.Double(4) < 0.28 ? null : Cut(f.Name.FullName(), 220),
            Milliseconds = milliseconds,
            Bytes = milliseconds * 32,
            UnitPrice = p.Has(i, "unit_price") ? -TrackPrice(i) : TrackPrice(i),
        };
    });

    /// <summary>Rows of <c>playlist</c>.</summary>
    public IEnumerable<Playlist> Playlists() => Rows("playlist", (f, i, _) => new Playlist { PlaylistId = i + 1, Name = f.Music.Genre() });

    /// <summary>Rows of <c>playlist_track</c>: row k puts track ((k / playlists) × 7 + 13 × playlist) mod tracks + 1 on playlist (k mod playlists) + 1, so pairs never repeat.</summary>
    public IEnumerable<PlaylistTrack> PlaylistTracks() => Rows("playlist_track", (_, i, p) =>
    {
        var playlists = RowCounts["playlist"];
        var playlist = (i % playlists) + 1;
        return new PlaylistTrack
        {
            PlaylistId = p.Has(i, "playlist_id") ? DirtyValues.Orphan(i) : playlist,
            TrackId = p.Has(i, "track_id") ? DirtyValues.Orphan(i) : (int)((((long)(i / playlists) * 7) + (13L * playlist)) % RowCounts["track"]) + 1,
        };
    });

    /// <summary>Rows of <c>employee</c>: the general manager (1), a sales manager (2) with three support agents (3–5), an IT manager (6) with two staff (7–8).</summary>
    public IEnumerable<Employee> Employees() => Rows("employee", (f, i, p) =>
    {
        var id = i + 1;
        var first = Cut(f.Name.FirstName(), 20);
        var last = Cut(f.Name.LastName(), 20);
        var email = Email(first, last, "chinookcorp.com");
        var manager = id < s_managers.Length ? s_managers[id] : 1;
        return new Employee
        {
            EmployeeId = id,
            FirstName = p.Has(i, "first_name") ? DirtyValues.Blank(i) : first,
            LastName = last,
            Title = id < s_titles.Length ? s_titles[id] : "IT Staff",
            ReportsTo = p.Has(i, "reports_to") ? DirtyValues.Orphan(i) : manager == 0 ? null : manager,
            BirthDate = new DateTime(1950, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddDays(Random("employee", i).Int(0, 0, 15_000)),
            HireDate = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddDays(Random("employee", i).Int(1, 0, 700)),
            Address = Cut(f.Address.StreetAddress(), 70),
            City = Cut(f.Address.City(), 40),
            State = "AB",
            Country = "Canada",
            PostalCode = Cut(f.Address.ZipCode(), 10),
            Phone = Cut(f.Phone.PhoneNumber("+1 (###) ###-####"), 24),
            Email = p.Has(i, "email") ? DirtyValues.MalformedEmail(email, i) : email,
        };
    });

    /// <summary>Rows of <c>customer</c>; support reps are the three sales support agents (3–5).</summary>
    public IEnumerable<Customer> Customers() => Rows("customer", (f, i, p) =>
    {
        var first = Cut(f.Name.FirstName(), 40);
        var last = Cut(f.Name.LastName(), 20);
        var email = Email(first, last, f.Internet.DomainName());
        return new Customer
        {
            CustomerId = i + 1,
            FirstName = p.Has(i, "first_name") ? DirtyValues.Blank(i) : first,
            LastName = last,
            Company = Random("customer", i).Double(0) < 0.2 ? Cut(f.Company.CompanyName(), 80) : null,
            Address = Cut(f.Address.StreetAddress(), 70),
            City = Cut(f.Address.City(), 40),
            State = Random("customer", i).Double(1) < 0.5 ? null : Cut(f.Address.StateAbbr(), 40),
            Country = Cut(f.Address.Country(), 40),
            PostalCode = Cut(f.Address.ZipCode(), 10),
            Phone = Cut(f.Phone.PhoneNumber("+1 (###) ###-####"), 24),
            Email = p.Has(i, "email") ? DirtyValues.MalformedEmail(email, i) : email,
            SupportRepId = p.Has(i, "support_rep_id") ? DirtyValues.Orphan(i) : Random("customer", i).Int(2, 3, 6),
        };
    });

    /// <summary>Rows of <c>invoice</c>, one a few days apart from 2021-01-01 on; the total is the sum of the invoice's lines.</summary>
    public IEnumerable<Invoice> Invoices() => Rows("invoice", (f, i, p) =>
    {
        var total = 0m;
        for (var line = FirstLine(i); line < FirstLine(i + 1); line++)
        {
            total += LinePrice(line) * LineQuantity(line);
        }

        return new Invoice
        {
            InvoiceId = i + 1,
            CustomerId = p.Has(i, "customer_id") ? DirtyValues.Orphan(i) : Reference("customer", Random("invoice", i).Int(0, 1, RowCounts["customer"] + 1)),
            InvoiceDate = s_firstInvoice.AddDays(Math.Floor(1816.0 * i / Math.Max(1, RowCounts["invoice"] - 1))),
            BillingAddress = Cut(f.Address.StreetAddress(), 70),
            BillingCity = Cut(f.Address.City(), 40),
            BillingCountry = Cut(f.Address.Country(), 40),
            BillingPostalCode = Cut(f.Address.ZipCode(), 10),
            Total = p.Has(i, "total") ? -total - 1 : total,
        };
    });

    /// <summary>Rows of <c>invoice_line</c>, in consecutive runs per invoice.</summary>
    public IEnumerable<InvoiceLine> InvoiceLines() => Rows("invoice_line", (_, i, p) => new InvoiceLine
    {
        InvoiceLineId = i + 1,
        InvoiceId = p.Has(i, "invoice_id") ? DirtyValues.Orphan(i) : (int)((long)i * RowCounts["invoice"] / RowCounts["invoice_line"]) + 1,
        TrackId = p.Has(i, "track_id") ? DirtyValues.Orphan(i) : LineTrack(i) + 1,
        UnitPrice = p.Has(i, "unit_price") ? -LinePrice(i) : LinePrice(i),
        Quantity = p.Has(i, "quantity") ? -(i % 2) : LineQuantity(i),
    });

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    private static string Email(string first, string last, string domain) =>
        Cut($"{new string(first.Where(char.IsAsciiLetter).ToArray())}.{new string(last.Where(char.IsAsciiLetter).ToArray())}@{domain}".ToLowerInvariant(), 60);

    private IEnumerable<T> Rows<T>(string table, Func<Faker, int, DefectPlan<K>, T> row)
    {
        var faker = RowRandom.Faker(_seed, table);
        var plan = _plans[table];
        for (var i = 0; i < RowCounts[table]; i++)
        {
            yield return row(faker, i, plan);
        }
    }

    private RowRandom Random(string table, int index) => RowRandom.For(_seed, table, index + 1);

    // A generated reference to row id (from 1) of table: with a handful of defects, moved off the table's bad rows.
    private int Reference(string table, int id) => _plans[table].ReferenceTo(id - 1) + 1;

    private decimal TrackPrice(int index) => Random("track", index).Double(5) < 0.9 ? 0.99m : 1.99m;

    private int LineTrack(int line) => Random("invoice_line", line).Int(0, 0, RowCounts["track"]);

    private decimal LinePrice(int line) => TrackPrice(LineTrack(line));

    private int LineQuantity(int line) => Random("invoice_line", line).Double(1) < 0.95 ? 1 : 2;

    // The first line of invoice index i: line k belongs to invoice floor(k × invoices / lines).
    private int FirstLine(int invoice) =>
        (int)((((long)invoice * RowCounts["invoice_line"]) + RowCounts["invoice"] - 1) / RowCounts["invoice"]);
}
