namespace DataPlatform.Datakits.Chinook.Source.Entities;

/// <summary>A row of <c>public.album</c>.</summary>
public sealed class Album
{
    /// <summary><c>album_id integer</c>, primary key.</summary>
    public int AlbumId { get; set; }

    /// <summary><c>title varchar(160) NOT NULL</c>.</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary><c>artist_id integer NOT NULL</c>, references <c>artist</c>.</summary>
    public int ArtistId { get; set; }
}
