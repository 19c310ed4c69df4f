namespace DataPlatform.Datakits.Chinook.Source.Entities;

/// <summary>A row of <c>public.playlist</c> (names repeat).</summary>
public sealed class Playlist
{
    /// <summary><c>playlist_id integer</c>, primary key.</summary>
    public int PlaylistId { get; set; }

    /// <summary><c>name varchar(120)</c>.</summary>
    public string? Name { get; set; }
}
