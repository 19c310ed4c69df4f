namespace DataPlatform.Datakits.Chinook.Source.Entities;

/// <summary>A row of <c>public.media_type</c>.</summary>
public sealed class MediaType
{
    /// <summary><c>media_type_id integer</c>, primary key.</summary>
    public int MediaTypeId { get; set; }

    /// <summary><c>name varchar(120)</c>.</summary>
    public string? Name { get; set; }
}
