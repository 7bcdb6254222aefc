#!/usr/bin/env bash
# Builds the test suites under AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/) and
# under ThreadSanitizer (build-tsan/), each in its own folder, and runs them. A sanitizer finding
# fails its test (the suites are built with -fno-sanitize-recover and halt_on_error).
#
#   scripts/run-sanitizers.sh [asan] [tsan]     (default: both)
#
# ASan+UBSan runs core_tests, planner_tests and server_tests; TSan runs server_tests, where the
# threads are (the core is single-threaded). GCC 12's sanitizers (Debian's libasan8, libubsan1,
# libtsan2, installed with build-essential). -O1 -g1: a third faster to build than RelWithDebInfo,
# with line numbers in reports. PostgreSQL and GUI tests skip here (scripts/run-tests.sh runs them).
# Environment: ASAN_BUILD_DIR, TSAN_BUILD_DIR override the folders; JOBS the build parallelism.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=${JOBS:-$(nproc)}
[ $# -gt 0 ] || set -- asan tsan

build() {  # folder, cmake option, targets...
  local dir=$1 option=$2
  shift 2
  # Not -Werror: under -fsanitize GCC 12's flow warnings (stringop-overflow) fire on paths that
  # cannot happen; the normal build (scripts/run-tests.sh) enforces the warnings.
  cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O1 -g1" -DNARRANDO_WERROR=OFF \
    -DNARRANDO_BUILD_TESTS=ON -DNARRANDO_BUILD_BENCH=OFF -DNARRANDO_BUILD_CONSOLE=OFF "-D$option=ON" >/dev/null
  cmake --build "$dir" -j "$jobs" --target "$@"
}

run() {  # label, binary, gtest arguments...
  local label=$1 binary=$2
  shift 2
  local start=$SECONDS
  echo "== $label: $(basename "$binary")"
  "$binary" --gtest_brief=1 "$@"
  echo "== $label: $(basename "$binary") passed in $((SECONDS - start)) s"
}

for sanitizer in "$@"; do
  case "$sanitizer" in
    asan)
      dir=${ASAN_BUILD_DIR:-$root/build-asan}
      start=$SECONDS
      build "$dir" NARRANDO_SANITIZE core_tests planner_tests server_tests
      echo "== asan: built in $((SECONDS - start)) s"
      export NARRANDO_TIMING_SCALE=4  # latency bounds of the hostile-client tests (trickle.h)
      export ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1
      export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
      run asan "$dir/bin/core_tests"
      run asan "$dir/bin/planner_tests"
      run asan "$dir/bin/server_tests"
      unset ASAN_OPTIONS UBSAN_OPTIONS NARRANDO_TIMING_SCALE
      ;;
    tsan)
      dir=${TSAN_BUILD_DIR:-$root/build-tsan}
      start=$SECONDS
      build "$dir" NARRANDO_TSAN server_tests
      echo "== tsan: built in $((SECONDS - start)) s"
      export NARRANDO_TIMING_SCALE=10
      export NARRANDO_MEMORY_SCALE=4  # TSan's shadow memory (request_limits_test)
      export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
      run tsan "$dir/bin/server_tests"
      unset TSAN_OPTIONS NARRANDO_TIMING_SCALE NARRANDO_MEMORY_SCALE
      ;;
    *) echo "unknown sanitizer: $sanitizer (asan, tsan)" >&2; exit 2 ;;
  esac
done
