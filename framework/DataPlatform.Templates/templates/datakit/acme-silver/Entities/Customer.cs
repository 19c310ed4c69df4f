using DataPlatform.Framework.Mixins;

namespace Acme.Datakits.Silver.Entities;

/// <summary>Silver <c>customer</c>: the current state of a customer. Source deletes become soft deletes.</summary>
public sealed class Customer : SilverRecord
{
    /// <summary>The source key.</summary>
    public int CustomerId { get; set; }

    /// <summary>The name, trimmed; never blank.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The e-mail, trimmed and lower-cased; NULL unless <c>local@domain.tld</c>.</summary>
    public string? Email { get; set; }

    /// <summary>The country, trimmed; NULL when blank.</summary>
    public string? Country { get; set; }
}
