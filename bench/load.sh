#!/usr/bin/env bash
# Load as production meets it, on PostgreSQL: 32 connections read published cities the way the
# app does (wrk, a phone's headers) for a soak of --duration seconds, while a burst of --posts
# concurrent `POST /api/generate-city` asks for every embedded city at once. Prints every answer's
# status, how many times each city was generated (jobs in the database), the readers' throughput
# and latency percentiles, and the server's resident memory at the start, the end and its peak.
# Used for BENCHMARKS.md.
#
#   bench/load.sh [--duration 300] [--posts 200] [--connections 32] [--workers 2]
#   HTTP_LINGER_MS=0 bench/load.sh ...   (server settings pass through the environment)
#
# Needs wrk (scripts/install-deps.sh --bench), PostgreSQL (--test) and a built
# build/bin/narrando-server. The database is a throw-away PostgreSQL from scripts/test-postgres.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
server=${NARRANDO_SERVER:-$root/build/bin/narrando-server}
duration=300 posts=200 connections=32 workers=2
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --posts) posts=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --workers) workers=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is not installed (scripts/install-deps.sh --bench)" >&2; exit 1; }
work=$(mktemp -d /tmp/narrando-load.XXXXXX)
pg_dir="" pid="" sampler=""
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  [ -n "$pg_dir" ] && "$root/scripts/test-postgres.sh" stop "$pg_dir"
  rm -rf "$work"
}
trap cleanup EXIT

eval "$("$root/scripts/test-postgres.sh" start)"
pg_dir=$NARRANDO_PG_DIR
app_key=load-app-key-0123456789abcdef
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
# The burst stands for many app users behind one app key: the per-key generation rate limit
# (RATE_LIMIT_GENERATE_*) would refuse most of it with 429, as it should for one caller.
DATABASE_URL=$NARRANDO_TEST_DATABASE_URL API_KEYS="$app_key:app" WORKERS=$workers HOST=127.0.0.1 LOG_LEVEL=warn \
  RATE_LIMIT_GENERATE_BURST=1000 RATE_LIMIT_GENERATE_PER_HOUR=100000 \
  "$server" serve --port "$port" >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done

# Every embedded city; the readers read two that are published before the soak starts.
mapfile -t places < <(awk -F'\t' '$1 == "city" {print $3}' "$root/data/places/places.tsv")
readers=()
for place in geonames:1857910 geonames:2735943; do
  city=$(curl -sf "$base/api/generate-city" -H "Authorization: Bearer $app_key" -H 'Content-Type: application/json' \
           -d "{\"place_id\": \"$place\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["city_id"])')
  readers+=("/api/cities/$city")
done
cat >"$work/readers.lua" <<LUA
paths = { "${readers[0]}", "${readers[1]}" }
n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
LUA

( while kill -0 "$pid" 2>/dev/null; do echo "$(date +%s) $(awk '/VmRSS/ {print $2}' "/proc/$pid/status")"; sleep 5; done ) >"$work/rss" &
sampler=$!
wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$work/readers.lua" \
  -H "Authorization: Bearer $app_key" -H "Accept-Encoding: gzip, deflate, br" -H "Accept: application/json" \
  -H "Accept-Language: en-GB,en;q=0.9" -H "User-Agent: Narrando/1.4 (iPhone; iOS 17.1) CFNetwork/1474 Darwin/23.1.0" \
  "$base" >"$work/wrk.txt" &
wrk_pid=$!
sleep 5

# The burst: every POST at once, the places round-robin, each waiting for its answer. --posts 0:
# the readers alone, the baseline for the burst's effect on their latency.
[ "$posts" -gt 0 ] || echo "posts: none" >"$work/posts.txt"
[ "$posts" -eq 0 ] || python3 - "$base" "$app_key" "$posts" "${places[@]}" >"$work/posts.txt" <<'PY'
import collections, json, sys, threading, time, urllib.error, urllib.request
base, key, count, places = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
results = [None] * count
start_gate = threading.Barrier(count)
def post(i):
    place = places[i % len(places)]
    body = json.dumps({"place_id": place}).encode()
    request = urllib.request.Request(base + "/api/generate-city", data=body, method="POST", headers={
        "Authorization": "Bearer " + key, "Content-Type": "application/json"})
    start_gate.wait()
    began = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=120) as answer:
            status, text = answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode()
    except Exception as error:  # no answer at all
        status, text = 0, str(error)
    city = ""
    try:
        city = json.loads(text).get("city_id") or ""
    except ValueError:
        pass
    results[i] = (place, status, city, time.monotonic() - began, text[:200])
threads = [threading.Thread(target=post, args=(i,)) for i in range(count)]
for t in threads: t.start()
for t in threads: t.join()
statuses = collections.Counter(r[1] for r in results)
cities = collections.defaultdict(set)
for place, status, city, _, _ in results:
    if city: cities[place].add(city)
seconds = sorted(r[3] for r in results)
print(f"posts: {count} for {len(places)} places; statuses {dict(statuses)}")
print(f"post latency: median {seconds[len(seconds) // 2]:.2f} s, max {seconds[-1]:.2f} s")
print(f"city ids per place: {sorted(collections.Counter(len(c) for c in cities.values()).items())} (ids, places)")
for r in results:
    if r[1] != 200: print("  not 200:", r)
PY
wait "$wrk_pid"
kill "$sampler" 2>/dev/null || true; sampler=""

cat "$work/posts.txt"
echo "jobs in the database: $(psql "$NARRANDO_TEST_DATABASE_URL" -Atc \
  "SELECT sum(n) || ' jobs for ' || count(*) || ' places, at most ' || max(n) || ' per place' FROM (SELECT place_id, count(*) AS n FROM jobs GROUP BY place_id) j")"
echo "readers ($connections connections, ${duration} s, Accept-Encoding: gzip, deflate, br):"
awk '/Requests\/sec|requests in|Non-2xx|Socket errors/ {print "  " $0} $1 ~ /^(50|90|99)%$/ {print "  p" $1 " " $2}' "$work/wrk.txt"
awk 'NR == 1 {first = $2} NR == 13 {minute = $2} {last = $2; if ($2 > peak) peak = $2}
     END {printf "server RSS: start %d KiB, after 1 min %d KiB, end %d KiB, peak %d KiB (%d samples, every 5 s)\n", first, minute, last, peak, NR}' "$work/rss"
echo "server log lines at level error: $(grep -c 'Z error ' "$work/server.log" || true)"
