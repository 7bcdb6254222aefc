#!/usr/bin/env bash
# Throughput and latency of the HTTP service with wrk on loopback, and its resident memory idle
# and under load. Prints one summary line per route and backend; used for BENCHMARKS.md.
#
#   bench/http-bench.sh [--backend sqlite|postgres|both] [--duration 15] [--connections 32] [--threads 2]
#                       [--places "geonames:1857910 geonames:2735943"]
#
# Requests are made as the mobile app (an `app` key): the published documents, the hot path.
# The default places are Kyoto (a ~31 KB city document, the size of the seed's reference
# document) and Porto (the largest embedded city, ~80 KB).
#
# Needs wrk (Debian package `wrk`) and a built build/bin/narrando-server (Release or
# RelWithDebInfo). The postgres backend starts a throw-away server with scripts/test-postgres.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
server=${NARRANDO_SERVER:-$root/build/bin/narrando-server}
backend=both duration=15 connections=32 threads=2 places="geonames:1857910 geonames:2735943"
while [ $# -gt 0 ]; do
  case "$1" in
    --backend) backend=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --places) places=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
work=$(mktemp -d /tmp/narrando-http-bench.XXXXXX)
pg_dir=""
cleanup() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  [ -n "$pg_dir" ] && "$root/scripts/test-postgres.sh" stop "$pg_dir"
  rm -rf "$work"
}
trap cleanup EXIT

app_key=bench-app-key-0123456789abcdef
auth="Authorization: Bearer $app_key"
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

run_backend() {
  local name=$1; shift
  local port; port=$(free_port)
  env "$@" API_KEYS="$app_key:app" HOST=127.0.0.1 LOG_LEVEL=warn "$server" serve --port "$port" >"$work/$name.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  local paths=() labels=() place city bytes city_name
  for place in $places; do
    city=$(curl -sf "http://127.0.0.1:$port/api/generate-city" -H "$auth" -H 'Content-Type: application/json' \
             -d "{\"place_id\": \"$place\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["city_id"])')
    bytes=$(curl -sf -H "$auth" "http://127.0.0.1:$port/api/cities/$city" | wc -c)
    city_name=$(curl -sf -H "$auth" "http://127.0.0.1:$port/api/cities/$city" | python3 -c 'import json,sys; print(json.load(sys.stdin)["city"]["name"])')
    paths+=("/api/cities/$city"); labels+=("/api/cities/{id} ($city_name, $bytes bytes)")
  done
  paths+=(/healthz); labels+=(/healthz)
  sleep 1
  local idle; idle=$(rss_kb "$pid")
  local i
  for i in "${!paths[@]}"; do
    local path=${paths[$i]} peak=0
    ( while kill -0 "$pid" 2>/dev/null; do r=$(rss_kb "$pid"); echo "$r"; sleep 0.2; done ) >"$work/rss" &
    local sampler=$!
    wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -H "$auth" "http://127.0.0.1:$port$path" >"$work/wrk.txt"
    kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
    peak=$(sort -n "$work/rss" | tail -n 1)
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
    errors=$(grep -E "Non-2xx|Socket errors" "$work/wrk.txt" | tr '\n' ' ' || true)
    local label=${labels[$i]}
    printf '%-9s %-42s %10s req/s  p50 %-9s p99 %-9s RSS idle %6d KiB, under load %6d KiB %s\n' \
      "$name" "$label" "$rps" "$p50" "$p99" "$idle" "$peak" "$errors"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

echo "wrk -t$threads -c$connections -d${duration}s on loopback; server $("$server" --help >/dev/null 2>&1; basename "$server"); $(nproc) cores"
if [ "$backend" = sqlite ] || [ "$backend" = both ]; then
  run_backend sqlite NARRANDO_DB="$work/bench.db"
fi
if [ "$backend" = postgres ] || [ "$backend" = both ]; then
  eval "$("$root/scripts/test-postgres.sh" start)"
  pg_dir=$NARRANDO_PG_DIR
  run_backend postgres DATABASE_URL="$NARRANDO_TEST_DATABASE_URL"
fi
