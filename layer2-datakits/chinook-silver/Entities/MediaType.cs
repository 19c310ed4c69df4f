namespace DataPlatform.Datakits.Chinook.Silver;

/// <summary>Silver <c>MediaType</c>: a media type. Source deletes become soft deletes.</summary>
public sealed class MediaType : SilverRecord
{
    /// <summary>The source key.</summary>
    public int MediaTypeId { get; set; }

    /// <summary>The name, trimmed; NULL when blank.</summary>
    public string? Name { get; set; }
}
