#!/usr/bin/env bash
# How long one generation waits on its external services, one call after the other and
# concurrently: a city through the loopback protocol fakes of Google Places/Routes, Overpass and
# Perplexity, each call delayed like the real services (300 ms per Google or Overpass call, 3 s per
# LLM call by default), once with GENERATION_CONCURRENCY=1 and once with 8. Prints the wall time,
# the calls and each stage's time. Used for BENCHMARKS.md.
#
#   bench/concurrent-generate.sh [--build] [-- concurrent_generate options...]
#
# --build   build the tool first (cmake --build build --target concurrent_generate -j2)
# Options of the tool: --google-ms N --llm-ms N --routes-policy off|legs|matrix --city KEY
#                      --concurrency 1,4,8
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tool=$root/build/bin/concurrent_generate
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --build) cmake --build "$root/build" --target concurrent_generate -j2 >/dev/null; shift ;;
    --) shift; extra=("$@"); break ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ -x "$tool" ] || { echo "no $tool: configure with -DNARRANDO_BUILD_TESTS=ON and pass --build" >&2; exit 1; }
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$tool" "${extra[@]}"
