#!/usr/bin/env bash
# Builds everything with warnings as errors and runs the whole test suite, starting the real
# components it needs (a throw-away PostgreSQL, Xvfb for the console) and stopping them after.
# Dependencies: scripts/install-deps.sh. BUILD_DIR overrides the build folder (default build/).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
jobs=$(nproc)

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNARRANDO_WERROR=ON \
  -DNARRANDO_BUILD_TESTS=ON -DNARRANDO_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j "$jobs"

eval "$("$root/scripts/test-postgres.sh" start)"
cleanup() { "$root/scripts/test-postgres.sh" stop "$NARRANDO_PG_DIR"; }
trap cleanup EXIT
# PostgreSQL tests must not skip here: a missing server is a failure.
export NARRANDO_REQUIRE_POSTGRES=1

ctest --test-dir "$build" --output-on-failure -j "$jobs" "$@"
