#!/usr/bin/env bash
# Throughput and latency of the HTTP service against nginx serving the very same response bytes as
# a static file, with wrk on loopback, in one run; and the server's resident memory idle and under
# load. Prints one line per route, coding and backend with the server/nginx ratio; used for
# BENCHMARKS.md.
#
#   bench/http-bench.sh [--backend sqlite|postgres|both] [--duration 15] [--connections 32] [--threads 2]
#                       [--places "geonames:1857910 geonames:2735943"]
#
# Requests are made as the mobile app (an `app` key) reads published cities, the hot path: once
# as a client that accepts no compression and once with a phone's `Accept-Encoding: gzip, deflate,
# br`. For each, the bytes the server answers (compressed as it sends them) become a static file
# that nginx serves with the same Content-Type and Content-Encoding, so both send identical bodies.
# The default places are Kyoto (a ~31 KB city document) and Porto (the largest, ~80 KB).
#
# Needs wrk and nginx (`scripts/install-deps.sh --bench`: Debian packages `wrk`, `nginx-light`) and a built build/bin/narrando-server
# (Release or RelWithDebInfo). The postgres backend starts a throw-away server with
# scripts/test-postgres.sh.
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
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx_bin" ] || { echo "nginx is not installed (apt-get install nginx-light)" >&2; exit 1; }
work=$(mktemp -d /tmp/narrando-http-bench.XXXXXX)
chmod 755 "$work"  # nginx's workers read the static files
pg_dir="" pid="" nginx_pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  [ -n "$pg_dir" ] && "$root/scripts/test-postgres.sh" stop "$pg_dir"
  rm -rf "$work"
}
trap cleanup EXIT

app_key=bench-app-key-0123456789abcdef
auth="Authorization: Bearer $app_key"
phone="gzip, deflate, br"
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 1 100); do curl -sf "$1" >/dev/null && return 0; sleep 0.1; done; return 1; }

# wrk's requests/s and p99 (ms) for a URL, with the app's headers and an Accept-Encoding.
measure() {
  local url=$1 coding=$2 out=$work/wrk.txt
  if [ "$coding" = identity ]; then
    wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -H "$auth" "$url" >"$out"
  else
    wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -H "$auth" -H "Accept-Encoding: $coding" "$url" >"$out"
  fi
  local rps p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$out")
  p99=$(awk '$1 == "99%" {print $2}' "$out")
  errors=$(grep -E "Non-2xx|Socket errors" "$out" | tr '\n' ' ' || true)
  echo "$rps $p99 $errors"
}

# nginx serving every captured body at /static/<n>, with its Content-Type and Content-Encoding.
start_nginx() {
  local port=$1 conf=$work/nginx.conf
  mkdir -p "$work/nginx-temp"
  {
    echo "worker_processes auto; daemon off; pid $work/nginx.pid; error_log $work/nginx-error.log;"
    [ "$(id -u)" = 0 ] && echo "user root;"
    echo "events { worker_connections 1024; }"
    echo "http { access_log off; keepalive_requests 1000000; sendfile on; tcp_nopush on;"
    echo "  client_body_temp_path $work/nginx-temp; proxy_temp_path $work/nginx-temp;"
    echo "  fastcgi_temp_path $work/nginx-temp; uwsgi_temp_path $work/nginx-temp; scgi_temp_path $work/nginx-temp;"
    echo "  server { listen 127.0.0.1:$port;"
    cat "$work/locations"
    echo "  } }"
  } >"$conf"
  "$nginx_bin" -c "$conf" -p "$work" &
  nginx_pid=$!
  wait_for "http://127.0.0.1:$port/static/0"
}

run_backend() {
  local name=$1; shift
  local port nginx_port; port=$(free_port); nginx_port=$(free_port)
  env "$@" API_KEYS="$app_key:app" HOST=127.0.0.1 LOG_LEVEL=warn "$server" serve --port "$port" >"$work/$name.log" 2>&1 &
  pid=$!
  wait_for "http://127.0.0.1:$port/healthz"
  local labels=() paths=() codings=() place city city_name n=0 coding
  : >"$work/locations"
  for place in $places; do
    city=$(curl -sf "http://127.0.0.1:$port/api/generate-city" -H "$auth" -H 'Content-Type: application/json' \
             -d "{\"place_id\": \"$place\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["city_id"])')
    city_name=$(curl -sf -H "$auth" "http://127.0.0.1:$port/api/cities/$city" | python3 -c 'import json,sys; print(json.load(sys.stdin)["city"]["name"])')
    for coding in identity "$phone"; do
      # The bytes as the server sends them (curl without --compressed keeps them encoded).
      curl -sf -D "$work/headers.$n" -o "$work/body.$n" -H "$auth" -H "Accept-Encoding: $coding" \
        "http://127.0.0.1:$port/api/cities/$city"
      chmod 644 "$work/body.$n"
      local encoding type
      encoding=$(awk -F': ' 'tolower($1) == "content-encoding" {gsub("\r", "", $2); print $2}' "$work/headers.$n")
      type=$(awk -F': ' 'tolower($1) == "content-type" {gsub("\r", "", $2); print $2}' "$work/headers.$n")
      {
        echo "    location = /static/$n { alias $work/body.$n; default_type \"$type\"; types { }"
        [ -n "$encoding" ] && echo "      add_header Content-Encoding $encoding; add_header Vary Accept-Encoding;"
        echo "    }"
      } >>"$work/locations"
      paths+=("/api/cities/$city"); codings+=("$coding")
      labels+=("$city_name $(wc -c <"$work/body.$n") B ${encoding:-identity}")
      n=$((n + 1))
    done
  done
  start_nginx "$nginx_port"
  sleep 1
  local idle; idle=$(rss_kb "$pid")
  local i
  for i in "${!paths[@]}"; do
    ( while kill -0 "$pid" 2>/dev/null; do rss_kb "$pid"; sleep 0.2; done ) >"$work/rss" &
    local sampler=$!
    read -r rps p99 errors < <(measure "http://127.0.0.1:$port${paths[$i]}" "${codings[$i]}")
    kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
    local peak; peak=$(sort -n "$work/rss" | tail -n 1)
    read -r nginx_rps nginx_p99 nginx_errors < <(measure "http://127.0.0.1:$nginx_port/static/$i" "${codings[$i]}")
    printf '%-9s %-28s server %9s req/s p99 %-8s | nginx %9s req/s p99 %-8s | ratio %s | RSS idle %d KiB, load %d KiB %s%s\n' \
      "$name" "${labels[$i]}" "$rps" "$p99" "$nginx_rps" "$nginx_p99" \
      "$(python3 -c "print(f'{$rps / $nginx_rps:.2f}')")" "$idle" "$peak" "${errors:-}" "${nginx_errors:-}"
  done
  read -r rps p99 errors < <(measure "http://127.0.0.1:$port/healthz" identity)
  printf '%-9s %-28s server %9s req/s p99 %-8s %s\n' "$name" "/healthz" "$rps" "$p99" "${errors:-}"
  kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; nginx_pid=""
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

echo "wrk -t$threads -c$connections -d${duration}s on loopback; $(basename "$server") vs $("$nginx_bin" -v 2>&1); $(nproc) cores"
if [ "$backend" = sqlite ] || [ "$backend" = both ]; then
  run_backend sqlite NARRANDO_DB="$work/bench.db"
fi
if [ "$backend" = postgres ] || [ "$backend" = both ]; then
  eval "$("$root/scripts/test-postgres.sh" start)"
  pg_dir=$NARRANDO_PG_DIR
  run_backend postgres DATABASE_URL="$NARRANDO_TEST_DATABASE_URL"
fi
