#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 cluster on a free loopback port, then
# stops and removes the cluster. The command sees TEST_DATABASE_URL (and PG_URL).
# initdb refuses root, so the cluster runs as the `postgres` user.
#   scripts/with-postgres.sh npm run test:e2e
set -euo pipefail
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
[ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL not found in $PG_BIN (apt-get install postgresql-15)" >&2; exit 1; }
PG_USER=postgres
id "$PG_USER" >/dev/null 2>&1 || PG_USER=$(id -un)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi; }

dir=$(mktemp -d /tmp/duty-pg.XXXXXX)
chown "$PG_USER" "$dir" 2>/dev/null || true
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
cleanup() {
  as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres duty_test

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/duty_test"
export PG_URL="$TEST_DATABASE_URL"
echo "PostgreSQL 15 on 127.0.0.1:$port" >&2
"$@"
