#!/usr/bin/env bash
# Entrypoint of DataPlatform's local PostgreSQL 15 image (layer1-platform/postgres-image/build.sh).
# It honours the environment contract of the official postgres image, which Testcontainers.PostgreSql and
# layer1-platform/docker-compose.yml rely on:
#   - arguments starting with "-" are options for the server: "-c fsync=off" runs "postgres -c fsync=off";
#   - POSTGRES_PASSWORD (required unless POSTGRES_HOST_AUTH_METHOD=trust), POSTGRES_USER (default postgres),
#     POSTGRES_DB (default: the user name), POSTGRES_INITDB_ARGS, each also as <NAME>_FILE (read from a file);
#   - on the first start (empty $PGDATA): initdb, "host all all all <auth>" in pg_hba.conf (scram-sha-256 unless
#     POSTGRES_HOST_AUTH_METHOD says otherwise), then *.sh / *.sql / *.sql.gz / *.sql.xz from
#     /docker-entrypoint-initdb.d in name order against a server listening on its Unix socket only (so that a
#     TCP readiness probe does not pass before the initialisation is complete), then the real start;
#   - started as root, it prepares $PGDATA and re-runs itself as the postgres user (PostgreSQL refuses root).
set -Eeo pipefail

# read_env NAME [DEFAULT]: NAME from the environment, or from the file named by NAME_FILE, else DEFAULT.
read_env() {
  local name="$1" file_name="${1}_FILE" default="${2:-}" value
  if [ -n "${!name:-}" ] && [ -n "${!file_name:-}" ]; then
    echo "docker-entrypoint: both $name and $file_name are set; set only one" >&2
    exit 1
  fi
  value="$default"
  if [ -n "${!name:-}" ]; then
    value="${!name}"
  elif [ -n "${!file_name:-}" ]; then
    value="$(<"${!file_name}")"
  fi
  export "$name"="$value"
  unset "$file_name"
}

# The temporary server of the initialisation listens on the Unix socket only: psql must not use TCP settings.
init_psql() {
  PGHOST= PGHOSTADDR= psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc \
    --dbname "${INIT_DATABASE:-$POSTGRES_DB}" "$@"
}

run_init_files() {
  local file
  for file in /docker-entrypoint-initdb.d/*; do
    [ -e "$file" ] || continue
    case "$file" in
      *.sh)
        if [ -x "$file" ]; then
          echo "docker-entrypoint: running $file"
          "$file"
        else
          echo "docker-entrypoint: sourcing $file"
          # shellcheck disable=SC1090
          . "$file"
        fi
        ;;
      *.sql) echo "docker-entrypoint: running $file"; init_psql -f "$file" ;;
      *.sql.gz) echo "docker-entrypoint: running $file"; gunzip -c "$file" | init_psql ;;
      *.sql.xz) echo "docker-entrypoint: running $file"; xzcat "$file" | init_psql ;;
      *) echo "docker-entrypoint: ignoring $file" ;;
    esac
  done
}

initialise_cluster() {
  if [ -z "$POSTGRES_PASSWORD" ] && [ "$POSTGRES_HOST_AUTH_METHOD" != trust ]; then
    echo "docker-entrypoint: the database is not initialised and POSTGRES_PASSWORD is empty." \
      "Set POSTGRES_PASSWORD (or POSTGRES_PASSWORD_FILE), or POSTGRES_HOST_AUTH_METHOD=trust for a throw-away server." >&2
    exit 1
  fi

  local pwfile
  pwfile="$(mktemp)"
  printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
  # POSTGRES_INITDB_ARGS is a word list by contract (e.g. "--encoding=UTF8 --locale=C").
  # shellcheck disable=SC2086
  initdb --username="$POSTGRES_USER" --pwfile="$pwfile" $POSTGRES_INITDB_ARGS
  rm -f "$pwfile"
  printf '\nhost all all all %s\n' "$POSTGRES_HOST_AUTH_METHOD" >>"$PGDATA/pg_hba.conf"

  export PGPASSWORD="$POSTGRES_PASSWORD"
  PGUSER="$POSTGRES_USER" pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p ${PGPORT:-5432}" -w start
  if [ "$POSTGRES_DB" != postgres ]; then
    local exists
    exists="$(INIT_DATABASE=postgres init_psql --tuples-only --set db="$POSTGRES_DB" \
      <<<"SELECT 1 FROM pg_database WHERE datname = :'db'")"
    if [ -z "${exists// /}" ]; then
      INIT_DATABASE=postgres init_psql --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db"'
    fi
  fi
  run_init_files
  PGUSER="$POSTGRES_USER" pg_ctl -D "$PGDATA" -m fast -w stop
  unset PGPASSWORD
  echo "docker-entrypoint: initialisation complete; starting PostgreSQL"
}

if [ "${1:0:1}" = - ]; then
  set -- postgres "$@"
fi

if [ "$1" = postgres ] && [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /run/postgresql
  chmod 0700 "$PGDATA"
  chmod 3775 /run/postgresql
  find "$PGDATA" /run/postgresql \! -user postgres -exec chown postgres:postgres '{}' +
  exec setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" "$@"
fi

if [ "$1" = postgres ]; then
  read_env POSTGRES_PASSWORD
  read_env POSTGRES_USER postgres
  read_env POSTGRES_DB "$POSTGRES_USER"
  read_env POSTGRES_INITDB_ARGS
  : "${POSTGRES_HOST_AUTH_METHOD:=scram-sha-256}"
  if [ -s "$PGDATA/PG_VERSION" ]; then
    echo "docker-entrypoint: $PGDATA holds a database; skipping initialisation"
  else
    initialise_cluster
  fi
fi

exec "$@"
