namespace DataPlatform.Datakits.Chinook.Source.Entities;

/// <summary>A row of <c>public.artist</c>.</summary>
public sealed class Artist
{
    /// <summary><c>artist_id integer</c>, primary key.</summary>
    public int ArtistId { get; set; }

    /// <summary><c>name varchar(120)</c>.</summary>
    public string? Name { get; set; }
}
