namespace DataPlatform.Datakits.Pagila.Source.Generation;

/// <summary>The kinds of bad rows the <see cref="PagilaGenerator"/> plants at its dirty rate.</summary>
public enum DefectKind
{
    /// <summary>A required name or title is empty or only blanks.</summary>
    BlankRequiredName,

    /// <summary>A foreign-key column references a row that does not exist (one kind per foreign key).</summary>
    OrphanReference,

    /// <summary>An email that is not <c>local@domain.tld</c>.</summary>
    MalformedEmail,

    /// <summary>A payment with a negative amount.</summary>
    NegativePaymentAmount,

    /// <summary>A rental returned before it was rented.</summary>
    ReturnBeforeRental,
}
