#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang 14 (+ AddressSanitizer and UBSan) in
# build-fuzz/ and runs each for a bounded time. Findings (crash-*, leak-*, timeout-*) are written
# to build-fuzz/findings/<target>/ and make the script fail; the corpus grows in
# build-fuzz/corpus/<target>/, seeded from fuzz/corpus/<target>/ (and, for run_trace, the recorded
# traces in tests/data/traces/).
#
#   scripts/run-fuzzers.sh [seconds per target]     (default 60)
#
# Needs clang-14 and libclang-rt-14-dev (scripts/install-deps.sh --fuzz).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
dir=${FUZZ_BUILD_DIR:-$root/build-fuzz}
jobs=${JOBS:-$(nproc)}

# -fbracket-depth: shared/ has std::arrays of a few hundred literals, past clang's default of 256.
CXX=clang++-14 cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O1 -g -fbracket-depth=1024" \
  -DNARRANDO_BUILD_FUZZERS=ON -DNARRANDO_SANITIZE=ON -DNARRANDO_BUILD_TESTS=OFF -DNARRANDO_BUILD_BENCH=OFF \
  -DNARRANDO_BUILD_CONSOLE=OFF >/dev/null
cmake --build "$dir" -j "$jobs" --target fuzz_request_framing fuzz_request_body fuzz_run_trace

failed=0
for target in request_framing request_body run_trace; do
  corpus=$dir/corpus/$target
  findings=$dir/findings/$target
  mkdir -p "$corpus" "$findings"
  seeds=("$root/fuzz/corpus/$target")
  [ "$target" != run_trace ] || seeds+=("$root/tests/data/traces")
  echo "== fuzz_$target: $seconds s"
  if ! "$dir/bin/fuzz_$target" "$corpus" "${seeds[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$findings/" -print_final_stats=1 2>"$dir/fuzz_$target.log"; then
    echo "fuzz_$target found a failure: $(ls "$findings")" >&2
    tail -40 "$dir/fuzz_$target.log" >&2
    failed=1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$dir/fuzz_$target.log" | tr '\n' ' '
  echo
done
exit $failed
