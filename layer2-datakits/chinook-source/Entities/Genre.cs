namespace DataPlatform.Datakits.Chinook.Source.Entities;

/// <summary>A row of <c>public.genre</c>.</summary>
public sealed class Genre
{
    /// <summary><c>genre_id integer</c>, primary key.</summary>
    public int GenreId { get; set; }

    /// <summary><c>name varchar(120)</c>.</summary>
    public string? Name { get; set; }
}
