#!/usr/bin/env bash
# Layer 1 for real: brings up layer1-platform/docker-compose.yml with docker-compose (the warehouse, and a Pagila source
# loaded from the real dump), runs `pagila-warehouse run` against both, checks gold's row counts with psql, and tears
# everything down (containers and volumes), also when a step fails.
#
# Needs a Docker engine that answers, docker-compose (1.29, or set DOCKER_COMPOSE="docker compose"), psql, the .NET SDK,
# and the Pagila dump in $DATAPLATFORM_PAGILA_DIR (default: ../shared/pagila beside the repository; read-only mount).
# Ports: $DATAPLATFORM_WAREHOUSE_PORT (default 5432) and $DATAPLATFORM_SOURCE_PORT (default 15432) on 127.0.0.1.
# The superuser password is generated for this run. The compose project is "dataplatform-layer1-check", so a layer 1 of
# your own (project "layer1-platform") and its volumes are never touched.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"

compose_file="$repo/layer1-platform/docker-compose.yml"
project=dataplatform-layer1-check
read -r -a compose <<<"${DOCKER_COMPOSE:-docker-compose}"
compose+=(--project-name "$project" --file "$compose_file")
export DATAPLATFORM_WAREHOUSE_PORT="${DATAPLATFORM_WAREHOUSE_PORT:-5432}"
export DATAPLATFORM_SOURCE_PORT="${DATAPLATFORM_SOURCE_PORT:-15432}"
started=$SECONDS

log() { printf '[%(%H:%M:%S)T] layer1-check: %s\n' -1 "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

pagila_dir="${DATAPLATFORM_PAGILA_DIR:-$repo/../shared/pagila}"
[ -f "$pagila_dir/pagila-schema.sql" ] && [ -f "$pagila_dir/pagila-data.sql" ] \
  || fail "the Pagila dump (pagila-schema.sql, pagila-data.sql) is not in $pagila_dir; set DATAPLATFORM_PAGILA_DIR"
export DATAPLATFORM_PAGILA_DIR
DATAPLATFORM_PAGILA_DIR="$(cd "$pagila_dir" && pwd)"
command -v "${compose[0]}" >/dev/null 2>&1 || fail "${compose[0]} is not installed (apt-get install docker-compose)"
command -v psql >/dev/null 2>&1 || fail "psql is not installed (apt-get install postgresql-client)"
docker info >/dev/null 2>&1 || fail "no Docker engine answers ('docker info' fails)"
for port in "$DATAPLATFORM_WAREHOUSE_PORT" "$DATAPLATFORM_SOURCE_PORT"; do
  if ss -Htln "sport = :$port" | grep -q .; then
    fail "port $port is in use; free it or set DATAPLATFORM_WAREHOUSE_PORT / DATAPLATFORM_SOURCE_PORT"
  fi
done

# The image the compose file names (the fixture's pinned tag): built locally when it is missing and cannot be pulled.
layer1-platform/postgres-image/build.sh

DATAPLATFORM_PG_PASSWORD="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
export DATAPLATFORM_PG_PASSWORD

teardown() {
  local status=$?
  if [ "$status" -ne 0 ]; then
    log "logs of the failed run:"
    "${compose[@]}" logs --no-color --tail 40 >&2 || true
  fi
  log "tearing down (docker-compose down -v)"
  "${compose[@]}" down --volumes --remove-orphans --timeout 20 >&2 || status=1
  if [ -n "$(docker ps -aq --filter "label=com.docker.compose.project=$project")" ]; then
    log "containers of $project are left:"
    docker ps -a --filter "label=com.docker.compose.project=$project" >&2
    status=1
  fi
  log "$([ "$status" -eq 0 ] && echo passed || echo failed) in $((SECONDS - started)) s"
  exit "$status"
}
trap teardown EXIT
trap 'exit 130' INT TERM

log "docker-compose up: warehouse on 127.0.0.1:$DATAPLATFORM_WAREHOUSE_PORT, pagila-source on 127.0.0.1:$DATAPLATFORM_SOURCE_PORT"
"${compose[@]}" up --detach >&2

wait_healthy() {
  local service="$1" id status
  id="$("${compose[@]}" ps -q "$service")"
  [ -n "$id" ] || fail "service $service has no container"
  for _ in $(seq 1 300); do
    status="$(docker inspect --format '{{.State.Health.Status}}' "$id")"
    case "$status" in
      healthy) log "$service is healthy after $((SECONDS - started)) s"; return 0 ;;
      unhealthy) fail "$service is unhealthy" ;;
    esac
    if [ "$(docker inspect --format '{{.State.Running}}' "$id")" != true ]; then
      fail "$service stopped (exit code $(docker inspect --format '{{.State.ExitCode}}' "$id"))"
    fi
    sleep 1
  done
  fail "$service is not healthy after 300 s"
}
wait_healthy warehouse
wait_healthy pagila-source

connection() { echo "Host=127.0.0.1;Port=$1;Database=$2;Username=postgres;Password=$DATAPLATFORM_PG_PASSWORD"; }
export DATAPLATFORM_SOURCE DATAPLATFORM_WAREHOUSE
DATAPLATFORM_SOURCE="$(connection "$DATAPLATFORM_SOURCE_PORT" pagila)"
DATAPLATFORM_WAREHOUSE="$(connection "$DATAPLATFORM_WAREHOUSE_PORT" warehouse)"
log "pagila-warehouse run (source: the real Pagila in pagila-source, warehouse: warehouse)"
dotnet run -c Release --project layer3-warehouses/pagila-warehouse -- run \
  || fail "pagila-warehouse run exited with $?"

# Gold's row counts for the real Pagila dump.
gold_count() {
  PGPASSWORD="$DATAPLATFORM_PG_PASSWORD" psql -X -A -t -v ON_ERROR_STOP=1 \
    -h 127.0.0.1 -p "$DATAPLATFORM_WAREHOUSE_PORT" -U postgres -d warehouse -c "$1"
}
mismatches=0
check() {
  local expected="$1" sql="$2" actual
  actual="$(gold_count "$sql")"
  if [ "$actual" = "$expected" ]; then
    log "ok   $actual = $sql"
  else
    log "FAIL $actual, expected $expected: $sql"
    mismatches=$((mismatches + 1))
  fi
}
check 599 "SELECT count(*) FROM gl__pagila.dim_customer WHERE is_current"
check 16044 "SELECT count(*) FROM gl__pagila.fact_rental"
check 16049 "SELECT count(*) FROM gl__pagila.fact_payment"
[ "$mismatches" -eq 0 ] || fail "$mismatches gold row count(s) differ"
