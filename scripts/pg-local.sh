#!/usr/bin/env bash
# Throw-away local PostgreSQL cluster for the test suites and the hosts, by hand.
# Same layout and settings as DataPlatform.LocalPostgres's LocalPostgresCluster (initdb -U postgres --auth=scram-sha-256 with a
# random password in <dir>/password, mode 0600; -E UTF8 --locale=C; 127.0.0.1 only; the directory and the Unix socket are
# private (0700); fsync/synchronous_commit/full_page_writes off), so the data is disposable and other local users stay out.
#
#   scripts/pg-local.sh start     create (first time) and start; prints the export line
#   scripts/pg-local.sh env       print: export DATAPLATFORM_TEST_PG=...   (use: eval "$(scripts/pg-local.sh env)")
#   scripts/pg-local.sh status    running or not, and where
#   scripts/pg-local.sh stop      stop the server (data kept)
#   scripts/pg-local.sh destroy   stop and delete the directory
#
# State: ${DATAPLATFORM_LOCAL_DIR:-/tmp/dataplatform-pg} (data/, port, password, postgres.log). The printed export line reads
# the password from its file when evaluated, so the password itself is never printed.
# Port: ${DATAPLATFORM_LOCAL_PORT}, else the port of the last start, else the first free one from 55432.
# PostgreSQL refuses to run as root: as root the directory is handed to the 'postgres' user and the tools run via runuser.
set -euo pipefail

root="${DATAPLATFORM_LOCAL_DIR:-/tmp/dataplatform-pg}"
data="$root/data"
port_file="$root/port"
password_file="$root/password"
log_file="$root/postgres.log"

die() { echo "pg-local: $*" >&2; exit 1; }

find_bin() {
  local initdb
  if initdb="$(command -v initdb 2>/dev/null)"; then
    local dir; dir="$(dirname "$(readlink -f "$initdb")")"
    if [ -x "$dir/pg_ctl" ]; then echo "$dir"; return; fi
  fi
  local newest
  newest="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -V | tail -n 1 || true)"
  if [ -n "$newest" ] && [ -x "$newest/initdb" ] && [ -x "$newest/pg_ctl" ]; then echo "$newest"; return; fi
  die "PostgreSQL server binaries (initdb, pg_ctl) not found. Install them ('apt-get install postgresql') or point DATAPLATFORM_TEST_PG at an existing server."
}

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pick_port() {
  if [ -n "${DATAPLATFORM_LOCAL_PORT:-}" ]; then echo "$DATAPLATFORM_LOCAL_PORT"; return; fi
  if [ -f "$port_file" ] && port_free "$(cat "$port_file")"; then cat "$port_file"; return; fi
  local p
  for p in $(seq 55432 55999); do
    if port_free "$p"; then echo "$p"; return; fi
  done
  die "no free port in 55432-55999"
}

is_running() { [ -f "$data/postmaster.pid" ] && as_pg "$bin/pg_ctl" status -D "$data" >/dev/null 2>&1; }

print_env() {
  [ -f "$port_file" ] || die "no cluster in $root; run: $0 start"
  echo "export DATAPLATFORM_TEST_PG=\"Host=127.0.0.1;Port=$(cat "$port_file");Username=postgres;Database=postgres;Password=\$(cat '$password_file')\""
}

init_cluster() {
  [ -f "$data/PG_VERSION" ] && return
  mkdir -p "$root"
  chmod 0700 "$root"
  (umask 077; head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$password_file"; echo >> "$password_file")
  if [ "$(id -u)" -eq 0 ]; then
    id -u postgres >/dev/null 2>&1 || die "running as root needs the unprivileged 'postgres' user (apt-get install postgresql creates it)"
    chown -R postgres: "$root"
    local dir="$root"
    while dir="$(dirname "$dir")"; [ "$dir" != "/" ]; do
      [ "$(( 0$(stat -c %a "$dir") & 1 ))" -eq 1 ] || die "'postgres' cannot traverse $dir (chmod o+x it, or set DATAPLATFORM_LOCAL_DIR under /tmp)"
    done
  fi
  as_pg "$bin/initdb" -D "$data" -U postgres --auth=scram-sha-256 --pwfile="$password_file" -E UTF8 --locale=C --no-sync >/dev/null
}

start_cluster() {
  init_cluster
  if is_running; then
    echo "pg-local: already running on port $(cat "$port_file")" >&2
    print_env
    return
  fi
  local port; port="$(pick_port)"
  as_pg "$bin/pg_ctl" start -w -t 60 -D "$data" -l "$log_file" \
    -o "-p $port -k '$root' -c listen_addresses=127.0.0.1 -c unix_socket_permissions=0700 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null \
    || { tail -n 20 "$log_file" >&2 || true; die "PostgreSQL did not start (log: $log_file)"; }
  echo "$port" > "$port_file"
  echo "pg-local: PostgreSQL running on 127.0.0.1:$port (data $data, log $log_file)" >&2
  print_env
}

stop_cluster() {
  if is_running; then as_pg "$bin/pg_ctl" stop -w -m fast -D "$data" >/dev/null; echo "pg-local: stopped" >&2
  else echo "pg-local: not running" >&2; fi
}

bin="$(find_bin)"
case "${1:-}" in
  start) start_cluster ;;
  stop) stop_cluster ;;
  env) print_env ;;
  status)
    if is_running; then echo "running on 127.0.0.1:$(cat "$port_file") (data $data, log $log_file)"; print_env
    else echo "not running (state dir $root)"; exit 3; fi ;;
  destroy) stop_cluster; rm -rf "$root"; echo "pg-local: deleted $root" >&2 ;;
  *) echo "usage: $0 start|stop|env|status|destroy" >&2; exit 2 ;;
esac
