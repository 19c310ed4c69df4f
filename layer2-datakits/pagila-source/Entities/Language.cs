namespace DataPlatform.Datakits.Pagila.Source.Entities;

/// <summary>A row of <c>public.language</c>.</summary>
public sealed class Language
{
    /// <summary><c>language_id integer</c>, primary key.</summary>
    public int LanguageId { get; set; }

    /// <summary><c>name character(20) NOT NULL</c>; PostgreSQL pads it with blanks to 20 characters.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary><c>last_update timestamptz NOT NULL</c>. UTC.</summary>
    public DateTime LastUpdate { get; set; }
}
