namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>An extracted version of a <c>public.language</c> row.</summary>
public sealed class Language : BronzeRecord
{
    /// <summary><c>language_id</c>, the source key.</summary>
    public int LanguageId { get; set; }

    /// <summary><c>name character(20)</c>, blank-padded as the source stores it.</summary>
    public string? Name { get; set; }

    /// <summary><c>last_update</c>. UTC.</summary>
    public DateTime? LastUpdate { get; set; }
}
