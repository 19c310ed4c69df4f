namespace DataPlatform.Framework.Tests.Schema;

// The mixin trigger objects deploy created for MixinTestContext before touch got per-table functions and history got
// statement-level triggers (main at 7bab345): the generic jsonb dataplatform.touch_row() with TG_ARGV, and one AFTER
// INSERT OR UPDATE OR DELETE row trigger for history. Applied over a current deployment, it gives a warehouse as that
// version left it.
internal static class PreviousMixinTriggers
{
    public const string Sql = """
        DROP TRIGGER IF EXISTS trg_price__history ON sl__mixtest.price;
        DROP TRIGGER IF EXISTS trg_price__history_insert ON sl__mixtest.price;
        DROP TRIGGER IF EXISTS trg_price__history_update ON sl__mixtest.price;
        DROP TRIGGER IF EXISTS trg_price__history_delete ON sl__mixtest.price;
        DROP TRIGGER IF EXISTS trg_genre__touch ON sl__mixtest.genre;
        DROP TRIGGER IF EXISTS trg_order__touch ON sl__mixtest."order";
        DROP TRIGGER IF EXISTS trg_price__touch ON sl__mixtest.price;
        DROP FUNCTION IF EXISTS sl__mixtest.genre__touch();
        DROP FUNCTION IF EXISTS sl__mixtest.order__touch();
        DROP FUNCTION IF EXISTS sl__mixtest.price__touch();
        CREATE OR REPLACE FUNCTION "dataplatform"."touch_row"() RETURNS trigger LANGUAGE plpgsql AS $dp_fn$
        DECLARE
            old_row jsonb := to_jsonb(OLD);
            new_row jsonb := to_jsonb(NEW);
            bump text[] := string_to_array(coalesce(TG_ARGV[0], ''), ',');
            keep text[] := string_to_array(coalesce(TG_ARGV[1], ''), ',');
            version text[] := string_to_array(coalesce(TG_ARGV[2], ''), ',');
            untracked text[] := string_to_array(coalesce(TG_ARGV[3], ''), ',');
            patch jsonb := '{}'::jsonb;
            col text;
        BEGIN
            FOREACH col IN ARRAY keep LOOP
                patch := patch || jsonb_build_object(col, old_row -> col);
            END LOOP;
            new_row := new_row || patch;
            IF (new_row - bump - version) IS DISTINCT FROM (old_row - bump - version) THEN
                FOREACH col IN ARRAY bump LOOP
                    IF (new_row -> col) IS NOT DISTINCT FROM (old_row -> col) THEN
                        patch := patch || jsonb_build_object(col, now());
                    END IF;
                END LOOP;
                IF (new_row - bump - version - untracked) IS DISTINCT FROM (old_row - bump - version - untracked) THEN
                    FOREACH col IN ARRAY version LOOP
                        IF (new_row -> col) IS NOT DISTINCT FROM (old_row -> col) THEN
                            patch := patch || jsonb_build_object(col, now());
                        END IF;
                    END LOOP;
                END IF;
            END IF;
            IF patch = '{}'::jsonb THEN
                RETURN NEW;
            END IF;
            RETURN jsonb_populate_record(NEW, patch);
        END;
        $dp_fn$;
        CREATE OR REPLACE FUNCTION "sl__mixtest"."price__write_history"() RETURNS trigger LANGUAGE plpgsql AS $dp_fn$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                INSERT INTO "sl__mixtest"."price__history" ("id", "amount", "effective_time", "product", "systime", "operation_type") VALUES (NEW."id", NEW."amount", NEW."effective_time", NEW."product", NEW."systime", 'INSERT');
            ELSIF TG_OP = 'UPDATE' THEN
                IF ROW(OLD."id", OLD."amount", OLD."effective_time", OLD."product") IS DISTINCT FROM ROW(NEW."id", NEW."amount", NEW."effective_time", NEW."product") THEN
                    INSERT INTO "sl__mixtest"."price__history" ("id", "amount", "effective_time", "product", "systime", "operation_type") VALUES (NEW."id", NEW."amount", NEW."effective_time", NEW."product", NEW."systime", 'UPDATE');
                END IF;
            ELSIF TG_OP = 'DELETE' THEN
                INSERT INTO "sl__mixtest"."price__history" ("id", "amount", "effective_time", "product", "systime", "operation_type") VALUES (OLD."id", OLD."amount", now(), OLD."product", now(), 'DELETE');
            END IF;
            RETURN NULL;
        END;
        $dp_fn$;
        CREATE TRIGGER "trg_genre__touch" BEFORE UPDATE ON "sl__mixtest"."genre" FOR EACH ROW EXECUTE FUNCTION "dataplatform"."touch_row"('systime', '', '', '');
        CREATE TRIGGER "trg_order__touch" BEFORE UPDATE ON "sl__mixtest"."order" FOR EACH ROW EXECUTE FUNCTION "dataplatform"."touch_row"('updated_at,systime', 'created_at', '', '');
        CREATE TRIGGER "trg_price__touch" BEFORE UPDATE ON "sl__mixtest"."price" FOR EACH ROW EXECUTE FUNCTION "dataplatform"."touch_row"('systime', '', 'effective_time', 'comment');
        CREATE TRIGGER "trg_price__history" AFTER INSERT OR UPDATE OR DELETE ON "sl__mixtest"."price" FOR EACH ROW EXECUTE FUNCTION "sl__mixtest"."price__write_history"();
        """;
}
