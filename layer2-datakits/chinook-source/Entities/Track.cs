namespace DataPlatform.Datakits.Chinook.Source.Entities;

/// <summary>A row of <c>public.track</c>.</summary>
public sealed class Track
{
    /// <summary><c>track_id integer</c>, primary key.</summary>
    public int TrackId { get; set; }

    /// <summary><c>name varchar(200) NOT NULL</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary><c>album_id integer</c>, references <c>album</c>.</summary>
    public int? AlbumId { get; set; }

    /// <summary><c>media_type_id integer NOT NULL</c>, references <c>media_type</c>.</summary>
    public int MediaTypeId { get; set; }

    /// <summary><c>genre_id integer</c>, references <c>genre</c>.</summary>
    public int? GenreId { get; set; }

    /// <summary><c>composer varchar(220)</c>.</summary>
    public string? Composer { get; set; }

    /// <summary><c>milliseconds integer NOT NULL</c>.</summary>
    public int Milliseconds { get; set; }

    /// <summary><c>bytes integer</c>.</summary>
    public int? Bytes { get; set; }

    /// <summary><c>unit_price numeric(10,2) NOT NULL</c>.</summary>
    public decimal UnitPrice { get; set; }
}
