#!/usr/bin/env bash
# Loads the real Pagila dump into the pagila-source container on its first start (postgres image init hook).
# Steps as in the dump's README: make sure a "postgres" role exists (the dump assigns every object to it),
# schema file, data file (both with ON_ERROR_STOP), then refresh the materialized view the dump creates WITH NO DATA.
set -euo pipefail

dir="${PAGILA_DIR:-/pagila}"
for file in pagila-schema.sql pagila-data.sql; do
  if [ ! -f "$dir/$file" ]; then
    echo "pagila-source: $dir/$file is missing. Put pagila-schema.sql and pagila-data.sql from the Pagila project" \
      "into layer1-platform/pagila/ (see layer1-platform/README.md), then: docker compose down -v && docker compose up -d" >&2
    exit 1
  fi
done

psql=(psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --quiet)
"${psql[@]}" --dbname postgres \
  -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'postgres') THEN CREATE ROLE postgres LOGIN SUPERUSER; END IF; END \$\$"
"${psql[@]}" --dbname "$POSTGRES_DB" -f "$dir/pagila-schema.sql" >/dev/null
"${psql[@]}" --dbname "$POSTGRES_DB" -f "$dir/pagila-data.sql" >/dev/null
"${psql[@]}" --dbname "$POSTGRES_DB" -c "REFRESH MATERIALIZED VIEW rental_by_category"
echo "pagila-source: Pagila loaded into database $POSTGRES_DB ($("${psql[@]}" --dbname "$POSTGRES_DB" -Atc 'select count(*) from rental') rentals)"
