namespace Acme.Datakits.Source.Entities;

/// <summary>A row of <c>SOURCE_SCHEMA.customer</c>.</summary>
public sealed class Customer
{
    /// <summary><c>customer_id integer</c>, primary key.</summary>
    public int CustomerId { get; set; }

    /// <summary><c>name text NOT NULL</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary><c>email text</c>.</summary>
    public string? Email { get; set; }

    /// <summary><c>country text</c>.</summary>
    public string? Country { get; set; }

    /// <summary><c>updated_at timestamptz NOT NULL</c>, set on every change (bronze's cursor). UTC.</summary>
    public DateTime UpdatedAt { get; set; }
}
