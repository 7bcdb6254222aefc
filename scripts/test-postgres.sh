#!/usr/bin/env bash
# Starts or stops a throw-away PostgreSQL server for the tests (Debian's postgresql package):
# initdb in a temporary folder, pg_ctl on a free loopback port, run as a non-root user.
#
#   eval "$(scripts/test-postgres.sh start)"   # prints exports: NARRANDO_TEST_DATABASE_URL, PG*, NARRANDO_PG_DIR
#   scripts/test-postgres.sh stop "$NARRANDO_PG_DIR"
set -euo pipefail

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$pg_bin" ] || { echo "PostgreSQL is not installed (scripts/install-deps.sh --test)" >&2; exit 1; }

as_owner() {
  # initdb refuses to run as root: use Debian's postgres user then.
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/narrando-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$dir"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$pg_bin/initdb" -D "$dir/data" -U narrando -A trust --no-sync -E UTF8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    url="postgresql://narrando@127.0.0.1:$port/postgres"
    echo "export NARRANDO_PG_DIR='$dir'"
    echo "export NARRANDO_TEST_DATABASE_URL='$url'"
    echo "export PGHOST=127.0.0.1 PGPORT=$port PGUSER=narrando PGDATABASE=postgres"
    ;;
  stop)
    dir=${2:?usage: test-postgres.sh stop DIR}
    as_owner "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    sed -n 2,7p "$0" >&2
    exit 2
    ;;
esac
