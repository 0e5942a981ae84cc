#!/usr/bin/env bash
# Smoke test of the built server as an operator runs it: a bad setting stops it with one line,
# it starts on a fresh SQLite file, answers health, creates a user from the CLI, and stops
# cleanly on SIGTERM. Run after `npm run build`.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
pid=0

out=$(DATABASE_URL=mysql://x node dist/src/main.js 2>&1 || true)
[ "$out" = 'config error: DATABASE_URL: must be sqlite:<file>, sqlite::memory: or postgres://… (got "mysql://x")' ] ||
  { echo "smoke: unexpected config error output: $out" >&2; exit 1; }

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
export DATABASE_URL="sqlite:$dir/data/duty.sqlite" PORT=$port BOOTSTRAP_ADMIN_TOKEN=smoke-admin-token-0123456789 BOOTSTRAP_ADMIN_PASSWORD=smoke-admin-password LOG_LEVEL=warn
node dist/src/main.js >"$dir/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
  sleep 0.2
done
[ "$(curl -fs "http://127.0.0.1:$port/api/v1/health")" = '{"status":"ok","db":"up"}' ] || { cat "$dir/server.log"; exit 1; }
if [ -f web/dist/index.html ]; then
  curl -fs "http://127.0.0.1:$port/" | grep -q '<div id="app">' || { echo 'smoke: the console is not served at /' >&2; exit 1; }
fi
[ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d '{"username":"admin","password":"smoke-admin-password"}' "http://127.0.0.1:$port/api/v1/auth/login")" = 200 ] ||
  { echo 'smoke: the bootstrap admin cannot sign in' >&2; exit 1; }
token=$(node dist/src/cli.js create-user --name smoke --role dispatcher | node -e 'process.stdin.on("data", d => console.log(JSON.parse(d).token))')
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/lawyers")" = 200 ] ||
  { echo 'smoke: CLI token not accepted' >&2; exit 1; }
node dist/src/cli.js backup "$dir/backup.sqlite" >/dev/null
kill -TERM $pid
wait $pid || { echo 'smoke: server did not exit cleanly on SIGTERM' >&2; exit 1; }
echo "smoke: ok (config check, start, health, console, admin sign-in, CLI user, backup, SIGTERM)"
