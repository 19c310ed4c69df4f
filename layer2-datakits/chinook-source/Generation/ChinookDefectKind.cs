namespace DataPlatform.Datakits.Chinook.Source.Generation;

/// <summary>The kinds of bad rows the <see cref="ChinookGenerator"/> plants at its dirty rate.</summary>
public enum ChinookDefectKind
{
    /// <summary>A required name or title is empty or only blanks.</summary>
    BlankRequiredName,

    /// <summary>A reference column names a row that does not exist (one slot per reference).</summary>
    OrphanReference,

    /// <summary>An e-mail that is not <c>local@domain.tld</c> (silver cleans it to NULL; not quarantined).</summary>
    MalformedEmail,

    /// <summary>An invoice line with a quantity of 0 or less.</summary>
    NonPositiveQuantity,

    /// <summary>A negative <c>unit_price</c> or invoice <c>total</c>.</summary>
    NegativeAmount,
}
