namespace DataPlatform.Datakits.Pagila.Source;

/// <summary>The names of the 15 Pagila tables (schema <c>public</c>), in an order where referenced tables come first.</summary>
public static class PagilaTables
{
    /// <summary><c>actor</c>.</summary>
    public const string Actor = "actor";

    /// <summary><c>address</c>.</summary>
    public const string Address = "address";

    /// <summary><c>category</c>.</summary>
    public const string Category = "category";

    /// <summary><c>city</c>.</summary>
    public const string City = "city";

    /// <summary><c>country</c>.</summary>
    public const string Country = "country";

    /// <summary><c>customer</c>.</summary>
    public const string Customer = "customer";

    /// <summary><c>film</c>.</summary>
    public const string Film = "film";

    /// <summary><c>film_actor</c>.</summary>
    public const string FilmActor = "film_actor";

    /// <summary><c>film_category</c>.</summary>
    public const string FilmCategory = "film_category";

    /// <summary><c>inventory</c>.</summary>
    public const string Inventory = "inventory";

    /// <summary><c>language</c>.</summary>
    public const string Language = "language";

    /// <summary><c>payment</c>.</summary>
    public const string Payment = "payment";

    /// <summary><c>rental</c>.</summary>
    public const string Rental = "rental";

    /// <summary><c>staff</c>.</summary>
    public const string Staff = "staff";

    /// <summary><c>store</c>.</summary>
    public const string Store = "store";

    /// <summary>All 15 tables, referenced tables before the tables that reference them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Country, City, Address, Language, Category, Actor, Film, FilmActor, FilmCategory,
        Store, Staff, Customer, Inventory, Rental, Payment,
    ];

    /// <summary>The row counts of the real Pagila dump (<c>payment</c> counted once over its partitions).</summary>
    public static IReadOnlyDictionary<string, int> RealRowCounts { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [Actor] = 200,
        [Address] = 603,
        [Category] = 16,
        [City] = 600,
        [Country] = 109,
        [Customer] = 599,
        [Film] = 1000,
        [FilmActor] = 5462,
        [FilmCategory] = 2367,
        [Inventory] = 4581,
        [Language] = 6,
        [Payment] = 16049,
        [Rental] = 16044,
        [Staff] = 1500,
        [Store] = 500,
    };
}
