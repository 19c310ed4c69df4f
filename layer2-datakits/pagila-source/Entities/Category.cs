namespace DataPlatform.Datakits.Pagila.Source.Entities;

/// <summary>A row of <c>public.category</c>.</summary>
public sealed class Category
{
    /// <summary><c>category_id integer</c>, primary key.</summary>
    public int CategoryId { get; set; }

    /// <summary><c>name text NOT NULL</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary><c>last_update timestamptz NOT NULL</c>. UTC.</summary>
    public DateTime LastUpdate { get; set; }
}
