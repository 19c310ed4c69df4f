using Acme.Datakits.Source.Entities;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.TestData;

namespace Acme.Datakits.Source.Generation;

/// <summary>
/// Generates a synthetic acme source, deterministic for its <see cref="SyntheticSourceOptions"/>: the same options give
/// the same rows. Names come from Bogus (one seeded stream per table), other values from the stateless
/// <see cref="RowRandom"/>. At dirty rate r every defect slot gets exactly round(rows × r) rows, listed in
/// <see cref="Report"/>; at 0 every row is clean.
/// </summary>
public sealed class AcmeGenerator
{
    /// <summary>The number of customers at scale 1.</summary>
    public const int CustomersAtScale1 = 1_000;

    private static readonly DateTime s_firstUpdate = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly DefectPlan<AcmeDefectKind> _customerDefects;
    private readonly int _seed;

    /// <summary>Creates a generator.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The scale is not positive or the dirty rate is outside [0, 1].</exception>
    public AcmeGenerator(SyntheticSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _seed = options.Seed;
        RowCounts = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["customer"] = DirtyValues.Scaled(CustomersAtScale1, options.Scale),
        };

        // One plan per table, one slot per (column, kind) of bad row it can carry; a bad row carries exactly one defect.
        _customerDefects = new DefectPlan<AcmeDefectKind>(
            "customer",
            RowCounts["customer"],
            options.DirtyRate,
            _seed,
            [("name", AcmeDefectKind.BlankName), ("email", AcmeDefectKind.MalformedEmail)]);
        Report = new DirtyReport<AcmeDefectKind>([_customerDefects]);
    }

    /// <summary>The number of rows each table's stream yields, by table name.</summary>
    public IReadOnlyDictionary<string, int> RowCounts { get; }

    /// <summary>The bad rows the streams contain, per table, column and kind (empty at dirty rate 0).</summary>
    public DirtyReport<AcmeDefectKind> Report { get; }

    /// <summary>Rows of <c>customer</c>, updated at minutes spread over 2024.</summary>
    public IEnumerable<Customer> Customers()
    {
        var faker = RowRandom.Faker(_seed, "customer");
        for (var i = 0; i < RowCounts["customer"]; i++)
        {
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var email = $"{Letters(first)}.{Letters(last)}@{faker.Internet.DomainWord()}.example".ToLowerInvariant();
            yield return new Customer
            {
                CustomerId = i + 1,
                Name = _customerDefects.Has(i, "name") ? DirtyValues.Blank(i) : $"{first} {last}",
                Email = _customerDefects.Has(i, "email") ? DirtyValues.MalformedEmail(email, i) : email,
                Country = faker.Address.Country(),
                UpdatedAt = s_firstUpdate.AddMinutes(RowRandom.For(_seed, "customer", i + 1).Int(0, 0, 366 * 24 * 60)),
            };
        }
    }

    private static string Letters(string text) => new([.. text.Where(char.IsAsciiLetter)]);
}
