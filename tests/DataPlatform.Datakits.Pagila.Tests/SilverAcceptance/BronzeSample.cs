namespace DataPlatform.Datakits.Pagila.Tests.SilverAcceptance;

/// <summary>
/// Shrinks an extracted generated bronze batch to a small, still mostly consistent sample: at most about 40 keys per
/// catalogue table (film_actor: the actors of 20 films), references folded into the kept key range (planted orphans, ids
/// from 900,000,000, stay orphans). The in-memory transform path costs about 25 ms per input row whatever the table size
/// (measured: 114 countries 2.8 s, 600 cities 17.7 s, 5,462 film_actor rows 143 s), so the differential test feeds it
/// hundreds of rows, not the catalogue's ten thousands.
/// </summary>
internal static class BronzeSample
{
    private const string Schema = "br__pagila__public";
    private const int Orphans = 900_000_000;

    public static string Sql { get; } = string.Join(
        "\n",
        $"DELETE FROM {Schema}.country WHERE country_id > 40 AND country_id < {Orphans};",
        $"DELETE FROM {Schema}.city WHERE city_id > 40 AND city_id < {Orphans};",
        $"UPDATE {Schema}.city SET country_id = 1 + (country_id - 1) % 40 WHERE country_id < {Orphans};",
        $"UPDATE {Schema}.address SET city_id = 1 + (city_id - 1) % 40 WHERE city_id < {Orphans};",
        $"DELETE FROM {Schema}.actor WHERE actor_id > 40 AND actor_id < {Orphans};",
        $"DELETE FROM {Schema}.film WHERE film_id > 40 AND film_id < {Orphans};",
        $"DELETE FROM {Schema}.film_actor WHERE film_id > 20;",
        $"UPDATE {Schema}.film_actor SET actor_id = 1 + (actor_id - 1) % 40 WHERE actor_id < {Orphans};",
        $"DELETE FROM {Schema}.film_category WHERE film_id > 40;",
        $"DELETE FROM {Schema}.store WHERE store_id >= 20 AND store_id < {Orphans};",
        $"UPDATE {Schema}.store SET manager_staff_id = manager_staff_id % 40 WHERE manager_staff_id < {Orphans};",
        $"DELETE FROM {Schema}.staff WHERE staff_id >= 40 AND staff_id < {Orphans};",
        $"UPDATE {Schema}.staff SET store_id = store_id % 20 WHERE store_id < {Orphans};",
        $"UPDATE {Schema}.customer SET store_id = store_id % 20 WHERE store_id < {Orphans};",
        $"UPDATE {Schema}.inventory SET film_id = 1 + (film_id - 1) % 40 WHERE film_id < {Orphans};",
        $"UPDATE {Schema}.inventory SET store_id = store_id % 20 WHERE store_id < {Orphans};",
        $"DELETE FROM {Schema}.rental WHERE rental_id > 80 AND rental_id < {Orphans};",
        $"UPDATE {Schema}.rental SET staff_id = staff_id % 40 WHERE staff_id < {Orphans};",
        $"DELETE FROM {Schema}.payment WHERE payment_id > 80 AND payment_id < {Orphans};",
        $"UPDATE {Schema}.payment SET staff_id = staff_id % 40 WHERE staff_id < {Orphans};");
}
