namespace Acme.Datakits.Source.Generation;

/// <summary>The kinds of bad rows the <see cref="AcmeGenerator"/> plants at its dirty rate.</summary>
public enum AcmeDefectKind
{
    /// <summary>A required name is empty or only blanks (silver quarantines the row: rule <c>blank_name</c>).</summary>
    BlankName,

    /// <summary>An e-mail that is not <c>local@domain.tld</c> (silver cleans it to NULL; not quarantined).</summary>
    MalformedEmail,
}
