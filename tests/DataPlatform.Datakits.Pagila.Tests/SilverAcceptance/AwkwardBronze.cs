using DataPlatform.Framework.Mixins;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Tests.SilverAcceptance;

/// <summary>
/// Hand-made bronze rows with the inputs where C# and PostgreSQL disagree (DESIGN.md §6): non-ASCII spaces (NBSP, U+2003,
/// U+3000, U+0085, VT, FF), <c>İ</c>/<c>ı</c> casing, trailing and inner newlines, NULLs, blank strings, malformed
/// e-mails, a duplicate key within one batch, orphans and children of quarantined rows. Ids from 800001 up, apart from
/// the generated rows; the graph is self-contained.
/// </summary>
internal static class AwkwardBronze
{
    private const string Nbsp = "\u00a0";
    private const string EmSpace = "\u2003";
    private const string IdeographicSpace = "\u3000";
    private const string NextLine = "\u0085";

    private static readonly DateTime s_t0 = new(2022, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>The e-mails every awkward customer (800101 + index) carries.</summary>
    public static IReadOnlyList<string?> Emails { get; } =
    [
        "İPEK.ŞAHİN@EXAMPLE.COM",
        "ırmak@example.com\n",
        Nbsp + "Mary@Example.ORG" + IdeographicSpace,
        "a b@example.com",
        "a@b@example.com",
        "user@example",
        "@example.com",
        "a@b\n.com",
        "   ",
        null,
        "user@example.com.\n",
        "x@y.z\v",
        "a" + Nbsp + "b@c.com",
        "ΣΊΣΥΦΟΣ@ΕΛ.GR",
        "\fTAB\t@EXAMPLE.COM" + NextLine,
        "",
        "dup@example.com\r\n",
    ];

    /// <summary>The first round: a self-contained graph of awkward rows in one bronze batch.</summary>
    public static List<DataPlatform.Framework.Mixins.BronzeRecord> FirstRound(long batch)
    {
        var rows = new List<DataPlatform.Framework.Mixins.BronzeRecord>
        {
            new B.Country { CountryId = 800001, CountryName = Nbsp + "Türkiye" + EmSpace },
            new B.Country { CountryId = 800002, CountryName = IdeographicSpace },
            new B.Country { CountryId = 800003, CountryName = null },
            new B.Country { CountryId = 800004, CountryName = NextLine + "\v\f" },
            new B.Country { CountryId = 800005, CountryName = "\u200bZero width\ufeff" },

            new B.City { CityId = 800001, CityName = "İstanbul\n", CountryId = 800001 },
            new B.City { CityId = 800002, CityName = "ıspır", CountryId = 800002 },
            new B.City { CityId = 800003, CityName = "Ankara", CountryId = null },
            new B.City { CityId = 800004, CityName = EmSpace + "İzmir" + NextLine, CountryId = 800005 },
            new B.City { CityId = 800005, CityName = "Orphan city", CountryId = 899999 },

            new B.Address
            {
                AddressId = 800001, AddressLine = Nbsp + " 1 Main St " + IdeographicSpace, Address2 = EmSpace, District = "\v",
                CityId = 800001, PostalCode = NextLine, Phone = null,
            },
            new B.Address { AddressId = 800002, AddressLine = null, Address2 = "Apt 4\n", District = "Kadıköy", CityId = 800002, PostalCode = " 34710 ", Phone = "\f555\f" },
            new B.Address { AddressId = 800003, AddressLine = "3 İnönü Cd.", Address2 = "", District = "", CityId = 800004, PostalCode = " 06100\r\n", Phone = "" },
            new B.Address { AddressId = 800004, AddressLine = "4 Null City", CityId = null },

            new B.Language { LanguageId = 800001, Name = "Türkçe" + Nbsp + Nbsp },
            new B.Language { LanguageId = 800002, Name = EmSpace },
            new B.Language { LanguageId = 800003, Name = "  Íslenska\n" },

            new B.Category { CategoryId = 800001, Name = "\fNoir\v" },
            new B.Category { CategoryId = 800002, Name = null },

            new B.Actor { ActorId = 800001, FirstName = "İLKER", LastName = "AYDIN" + IdeographicSpace },
            new B.Actor { ActorId = 800002, FirstName = NextLine, LastName = "Blank" },
            new B.Actor { ActorId = 800003, FirstName = "Null", LastName = null },

            Film(800001, Nbsp + "THE İ FILM\n", 800001, 800002),
            Film(800002, "ıd film" + EmSpace, 800001, null),
            Film(800003, EmSpace + IdeographicSpace, 800001, null),
            Film(800004, "No duration", 800001, null, rentalDuration: null),
            Film(800005, "Orphan language", 899999, null),
            Film(800006, "Quarantined language", 800002, null),

            new B.FilmActor { ActorId = 800001, FilmId = 800002 },
            new B.FilmActor { ActorId = 800002, FilmId = 800002 },
            new B.FilmActor { ActorId = 800001, FilmId = 899999 },
            new B.FilmCategory { FilmId = 800002, CategoryId = 800001 },
            new B.FilmCategory { FilmId = 800002, CategoryId = 800002 },
            new B.FilmCategory { FilmId = 800001, CategoryId = 800001 },

            new B.Store { StoreId = 800001, ManagerStaffId = 800001, AddressId = 800001 },
            new B.Store { StoreId = 800002, ManagerStaffId = null, AddressId = 800001 },
            new B.Store { StoreId = 800003, ManagerStaffId = 800002, AddressId = 800002 },

            new B.Staff
            {
                StaffId = 800001, FirstName = Nbsp + "Zeynep", LastName = "Kaya\n", AddressId = 800001, Email = " İLKER.IŞIK@ÖRNEK.COM.TR\n",
                StoreId = 800001, Active = null, Username = null,
            },
            new B.Staff
            {
                StaffId = 800002, FirstName = "Ali", LastName = "Veli", AddressId = 800003, Email = "a@b\n.com", StoreId = 800001, Active = true,
                Username = IdeographicSpace + "ali" + IdeographicSpace, Picture = [0, 1, 2, 255],
            },
            new B.Staff { StaffId = 800003, FirstName = "\v", LastName = "Blank", AddressId = 800001, Email = null, StoreId = 800001, Active = false, Username = "x" },
            new B.Staff { StaffId = 800004, FirstName = "In", LastName = "Quarantined store", AddressId = 800001, StoreId = 800002, Active = true, Username = "y" },

            new B.Inventory { InventoryId = 800001, FilmId = 800002, StoreId = 800001 },
            new B.Inventory { InventoryId = 800002, FilmId = 800001, StoreId = 800001 },
            new B.Inventory { InventoryId = 800003, FilmId = 800002, StoreId = null },

            new B.Rental { RentalId = 800001, RentalDate = s_t0, InventoryId = 800001, CustomerId = 800101, ReturnDate = null, StaffId = 800001 },
            new B.Rental { RentalId = 800002, RentalDate = null, InventoryId = 800001, CustomerId = 800101, StaffId = 800001 },
            new B.Rental { RentalId = 800003, RentalDate = s_t0, InventoryId = 800001, CustomerId = 800101, ReturnDate = s_t0.AddTicks(-10), StaffId = 800001 },
            new B.Rental { RentalId = 800004, RentalDate = s_t0, InventoryId = 800001, CustomerId = 800999, ReturnDate = s_t0.AddDays(1), StaffId = 800001 },
            new B.Rental { RentalId = 800005, RentalDate = s_t0, InventoryId = 800002, CustomerId = 800101, ReturnDate = s_t0, StaffId = 800001 },

            new B.Payment { PaymentId = 800001, CustomerId = 800101, StaffId = 800001, RentalId = 800001, Amount = 0m, PaymentDate = s_t0 },
            new B.Payment { PaymentId = 800002, CustomerId = 800101, StaffId = 800001, RentalId = 800001, Amount = null, PaymentDate = s_t0 },
            new B.Payment { PaymentId = 800003, CustomerId = 800101, StaffId = 800001, RentalId = 800001, Amount = -0.01m, PaymentDate = s_t0 },
            new B.Payment { PaymentId = 800004, CustomerId = 800101, StaffId = 800001, RentalId = 800004, Amount = 1.5m, PaymentDate = s_t0 },
            new B.Payment { PaymentId = 800005, CustomerId = 800101, StaffId = 800001, RentalId = 800001, Amount = 9.99m, PaymentDate = null },
        };

        for (var i = 0; i < Emails.Count; i++)
        {
            rows.Add(Customer(800101 + i, EmSpace + "Ayşe" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "Öztürk" + NextLine, Emails[i]));
        }

        rows.Add(Customer(800201, null, "Nullname", "n@example.com"));
        rows.Add(Customer(800202, "Blank", Nbsp + EmSpace, "b@example.com"));
        rows.Add(Customer(800203, "No", "Create date", "c@example.com", noCreateDate: true));
        rows.Add(Customer(800204, "Null", "Active", "d@example.com", active: null));
        rows.Add(Customer(800205, "No", "Store", "e@example.com", storeId: null));
        rows.Add(Customer(800206, "Quarantined", "Address", "f@example.com", addressId: 800002));
        rows.Add(Customer(800207, "Orphan", "Address", "g@example.com", addressId: 899999));
        return Stamp(rows, batch);
    }

    /// <summary>Two versions of one key: an older one from the batch before <paramref name="batch"/>, the latest from <paramref name="batch"/>.</summary>
    public static List<DataPlatform.Framework.Mixins.BronzeRecord> TwoVersionsOfOneKey(long batch) =>
    [
        .. Stamp([Customer(800208, "First", "Version", "first@example.com")], batch - 1),
        .. Stamp([Customer(800208, "Second" + Nbsp, "Version", "SECOND@EXAMPLE.COM" + NextLine)], batch),
    ];

    /// <summary>
    /// The second round: the missing parent of an orphan arrives, a quarantined lookup is fixed, a customer is deleted, another
    /// one changes its e-mail, a passing row turns blank.
    /// </summary>
    public static List<DataPlatform.Framework.Mixins.BronzeRecord> SecondRound(long batch)
    {
        var rows = new List<DataPlatform.Framework.Mixins.BronzeRecord>
        {
            Customer(800999, "Late" + IdeographicSpace, "Parent", "LATE@EXAMPLE.COM"),
            new B.Country { CountryId = 800002, CountryName = "Ísland" + Nbsp },
            Customer(800104, "Changed", "Email", "  NEW@EXAMPLE.COM" + Nbsp),
            new B.Actor { ActorId = 800001, FirstName = Nbsp, LastName = "AYDIN" },
        };
        var deleted = Customer(800103, "Deleted", "Customer", null);
        rows = Stamp(rows, batch);
        rows.AddRange(Stamp([deleted], batch, BronzeOperation.Delete));
        return rows;
    }

    private static B.Film Film(int id, string? title, int? language, int? originalLanguage, short? rentalDuration = 3) => new()
    {
        FilmId = id, Title = title, Description = id % 2 == 0 ? IdeographicSpace : "  A film\t" + NextLine, ReleaseYear = 2006, LanguageId = language,
        OriginalLanguageId = originalLanguage, RentalDuration = rentalDuration, RentalRate = 0.99m, Length = 90, ReplacementCost = 20.99m,
        Rating = id % 2 == 0 ? Nbsp : " PG-13\n", SpecialFeatures = id % 2 == 0 ? null : ["Trailers", " Deleted Scenes "],
    };

    private static B.Customer Customer(
        int id, string? first, string? last, string? email, int? active = 1, int? storeId = 800001, int? addressId = 800001, bool noCreateDate = false) => new()
    {
        CustomerId = id, StoreId = storeId, FirstName = first, LastName = last, Email = email, AddressId = addressId, Activebool = true,
        CreateDate = noCreateDate ? null : new DateOnly(2022, 2, 14), Active = active,
    };

    private static List<DataPlatform.Framework.Mixins.BronzeRecord> Stamp(List<DataPlatform.Framework.Mixins.BronzeRecord> rows, long batch, BronzeOperation operation = BronzeOperation.Upsert)
    {
        foreach (var row in rows)
        {
            row.DpBatchId = batch;
            row.DpOperation = operation;
            row.DpRecordHash = new byte[16];
            SetLastUpdate(row);
        }

        return rows;
    }

    private static void SetLastUpdate(DataPlatform.Framework.Mixins.BronzeRecord row)
    {
        var property = row.GetType().GetProperty("LastUpdate");
        property?.SetValue(row, s_t0.AddMinutes(row.GetType().Name.Length));
    }
}
