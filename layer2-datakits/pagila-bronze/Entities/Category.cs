namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>An extracted version of a <c>public.category</c> row.</summary>
public sealed class Category : BronzeRecord
{
    /// <summary><c>category_id</c>, the source key.</summary>
    public int CategoryId { get; set; }

    /// <summary><c>name</c>.</summary>
    public string? Name { get; set; }

    /// <summary><c>last_update</c>. UTC.</summary>
    public DateTime? LastUpdate { get; set; }
}
