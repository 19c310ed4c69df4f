using DataPlatform.Datakits.Pagila.Bronze;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DataPlatform.Datakits.Pagila.Tests.Bronze;

/// <summary>
/// The bronze model is derived from the source contract (<c>[BronzeOf]</c> entities in a <c>BronzeContext</c>). It must
/// equal the model the hand-written bronze entities and mapping gave, column for column: the expected lines below were
/// written down from that hand-written model before it was replaced.
/// </summary>
public sealed class BronzeModelTests
{
    // table: source key | column store-type NULL/NOT NULL, columns ordinal by name (the deployer's and the record hash's order).
    private static readonly string[] s_handWrittenModel =
    [
        "br__pagila__public.actor: ActorId",
        "  actor_id integer NOT NULL",
        "  dp_batch_id bigint NOT NULL",
        "  dp_operation text NOT NULL",
        "  dp_record_hash bytea NOT NULL",
        "  first_name text NULL",
        "  last_name text NULL",
        "  last_update timestamp with time zone NULL",
        "br__pagila__public.address: AddressId",
        "  address text NULL",
        "  address2 text NULL",
        "  address_id integer NOT NULL",
        "  city_id integer NULL",
        "  district text NULL",
        "  dp_batch_id bigint NOT NULL",
        "  dp_operation text NOT NULL",
        "  dp_record_hash bytea NOT NULL",
        "  last_update timestamp with time zone NULL",
        "  phone text NULL",
        "  postal_code text NULL",
        "br__pagila__public.category: CategoryId",
        "  category_id integer NOT NULL",
        "  dp_batch_id bigint NOT NULL",
        "  dp_operation text NOT NULL",
        "  dp_record_hash bytea NOT NULL",
        "  last_update timestamp with time zone NULL",
        "  name text NULL",
        "br__pagila__public.city: CityId",
        "  city text NULL",
        "  city_id integer NOT NULL",
        "  country_id integer NULL",
        "  dp_batch_id bigint NOT NULL",
        "  dp_operation text NOT NULL",
        "  dp_record_hash bytea NOT NULL",
        "  last_update timestamp with time zone NULL",
        "br__pagila__public.country: CountryId",
        "  country text NULL",
        "  country_id integer NOT NULL",
        "  dp_batch_id bigint NOT NULL",
        "  dp_operation text NOT NULL",
        "  dp_record_hash bytea NOT NULL",
        "  last_update timestamp with time zone NULL",
        "br__pagila__public.customer: CustomerId",
        "  active integer NULL",
        "  activebool boolean NULL",
        "  address_id integer NULL",
        "  create_date date NULL",
        "  customer_id integer NOT NULL",
        "  dp_batch_id bigint NOT NULL",
        "  dp_operation text NOT NULL",
        "  dp_record_hash bytea NOT NULL",
        "  email text NULL",
        "  first_name text NULL",
        "  last_name text NULL",
        "  last_update timestamp with time zone NULL",
        "  store_id integer NULL",
        "br__pagila__public.film: FilmId",
        "  description text NULL",
        "  dp_batch_id bigint NOT NULL",
        "  dp_operation text NOT NULL",
        "  dp_record_hash bytea NOT NULL",
        "  film_id integer NOT NULL",
        "  language_id integer NULL",
        "  last_update timestamp with time zone NULL",
        "  length smallint NULL",
        "  original_language_id integer NULL",
        "  rating text NULL",
        "  release_year integer NULL",
        "  rental_duration smallint NULL",
        "  rental_rate numeric(4,2) NULL",
        "  replacement_cost numeric(5,2) NULL",
        "  special_features text[] NULL",
        "  title text NULL",
        "br__pagila__public.film_actor: ActorId,FilmId",
        "  actor_id integer NOT NULL",
        "  dp_batch_id bigint NOT NULL",
        "  dp_operation text NOT NULL",
        "  dp_record_hash bytea NOT NULL",
        "  film_id integer NOT NULL",
        "  last_update timestamp with time zone NULL",
        "br__pagila__public.film_category: FilmId,CategoryId",
        "  category_id integer NOT NULL",
        "  dp_batch_id bigint NOT NULL",
        "  dp_operation text NOT NULL",
        "  dp_record_hash bytea NOT NULL",
        "  film_id integer NOT NULL",
        "  last_update timestamp with time zone NULL",
        "br__pagila__public.inventory: InventoryId",
        "  dp_batch_id bigint NOT NULL",
        "  dp_operation text NOT NULL",
        "  dp_record_hash bytea NOT NULL",
        "  film_id integer NULL",
        "  inventory_id integer NOT NULL",
        "  last_update timestamp with time zone NULL",
        "  store_id integer NULL",
        "br__pagila__public.language: LanguageId",
        "  dp_batch_id bigint NOT NULL",
        "  dp_operation text NOT NULL",
        "  dp_record_hash bytea NOT NULL",
        "  language_id integer NOT NULL",
        "  last_update timestamp with time zone NULL",
        "  name character(20) NULL",
        "br__pagila__public.payment: PaymentId",
        "  amount numeric(5,2) NULL",
        "  customer_id integer NULL",
        "  dp_batch_id bigint NOT NULL",
        "  dp_operation text NOT NULL",
        "  dp_record_hash bytea NOT NULL",
        "  payment_date timestamp with time zone NULL",
        "  payment_id integer NOT NULL",
        "  rental_id integer NULL",
        "  staff_id integer NULL",
        "br__pagila__public.rental: RentalId",
        "  customer_id integer NULL",
        "  dp_batch_id bigint NOT NULL",
        "  dp_operation text NOT NULL",
        "  dp_record_hash bytea NOT NULL",
        "  inventory_id integer NULL",
        "  last_update timestamp with time zone NULL",
        "  rental_date timestamp with time zone NULL",
        "  rental_id integer NOT NULL",
        "  return_date timestamp with time zone NULL",
        "  staff_id integer NULL",
        "br__pagila__public.staff: StaffId",
        "  active boolean NULL",
        "  address_id integer NULL",
        "  dp_batch_id bigint NOT NULL",
        "  dp_operation text NOT NULL",
        "  dp_record_hash bytea NOT NULL",
        "  email text NULL",
        "  first_name text NULL",
        "  last_name text NULL",
        "  last_update timestamp with time zone NULL",
        "  picture bytea NULL",
        "  staff_id integer NOT NULL",
        "  store_id integer NULL",
        "  username text NULL",
        "br__pagila__public.store: StoreId",
        "  address_id integer NULL",
        "  dp_batch_id bigint NOT NULL",
        "  dp_operation text NOT NULL",
        "  dp_record_hash bytea NOT NULL",
        "  last_update timestamp with time zone NULL",
        "  manager_staff_id integer NULL",
        "  store_id integer NOT NULL",
    ];

    [Fact]
    public void Derived_bronze_model_equals_the_hand_written_one()
    {
        using var context = PagilaBronzeContext.Create("Host=localhost");
        Assert.Equal(s_handWrittenModel, Describe(context));
    }

    [Fact]
    public void Bronze_tables_are_keyless()
    {
        using var context = PagilaBronzeContext.Create("Host=localhost");
        Assert.All(context.Model.GetEntityTypes(), e => Assert.Null(e.FindPrimaryKey()));
    }

    private static List<string> Describe(DbContext context)
    {
        var model = context.GetService<IDesignTimeModel>().Model;
        var lines = new List<string>();
        foreach (var table in model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var entityType = table.EntityTypeMappings.Single().TypeBase;
            lines.Add($"{table.Schema}.{table.Name}: {entityType[DataPlatform.Framework.Mixins.MixinAnnotations.BronzeSourceKey]}");
            lines.AddRange(table.Columns
                .OrderBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => $"  {c.Name} {c.StoreType} {(c.IsNullable ? "NULL" : "NOT NULL")}"));
        }

        return lines;
    }
}
