#!/usr/bin/env bash
# Regenerates the README's console screenshots (docs/screenshots/*.png) from the real console:
# a throw-away narrando-server on loopback (embedded data, SQLite in a temporary folder, no keys),
# Porto generated, then narrando-console --screenshot for each picture, offline (--tile-url none:
# the map is the embedded OpenStreetMap basemap). Needs an X display: DISPLAY if set, else a
# private Xvfb (scripts/install-deps.sh --test installs it). Build first:
#   cmake --build build --target narrando-server narrando-console
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${BUILD_DIR:-$root/build}/bin
out=$root/docs/screenshots
work=$(mktemp -d)
server_pid=""
xvfb_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${DISPLAY:-}" ]; then
  Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$work/display" 2>/dev/null &
  xvfb_pid=$!
  for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
  export DISPLAY=":$(tr -d '\n' <"$work/display")"
fi
export LIBGL_ALWAYS_SOFTWARE=1 XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
PORT=$port HOST=127.0.0.1 NARRANDO_DB=$work/narrando.db WORKERS=1 "$bin/narrando-server" serve >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
curl -sf -X POST "http://127.0.0.1:$port/api/generate-city" -H 'Content-Type: application/json' \
  -d '{"place_id": "geonames:2735943"}' >/dev/null

shot() {  # shot NAME ARGS...: one picture at the README's size
  local name=$1
  shift
  "$bin/narrando-console" --server "http://127.0.0.1:$port" --city geonames:2735943 --tile-url none \
    --screenshot "$out/$name.png" --size 1600x1000 "$@"
  rm -f "$out/$name.png.json"
}
mkdir -p "$out"
shot console-tours --panel tours
shot console-replay --replay-stage 2
shot console-stop --panel table --stop "Clerics Tower"
echo "screenshots written to $out"
