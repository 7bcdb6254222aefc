#!/usr/bin/env bash
# Builds everything with warnings as errors and runs the whole test suite, starting the real
# components it needs (a throw-away PostgreSQL, Xvfb for the console) and stopping them after.
# Dependencies: scripts/install-deps.sh. BUILD_DIR overrides the build folder (default build/).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
jobs=$(nproc)

# The house format first: it takes seconds and needs no build.
"$root/scripts/format.sh" --check

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNARRANDO_WERROR=ON \
  -DNARRANDO_BUILD_TESTS=ON -DNARRANDO_BUILD_BENCH=ON -DNARRANDO_BUILD_CONSOLE=ON >/dev/null
cmake --build "$build" -j "$jobs"

eval "$("$root/scripts/test-postgres.sh" start)"
# The console's GUI tests render under a private X server (Mesa llvmpipe, no GPU); Xvfb picks a
# free display number and writes it to fd 3.
xvfb_display=$(mktemp)
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$xvfb_display" 2>/dev/null &
xvfb_pid=$!
cleanup() {
  kill "$xvfb_pid" 2>/dev/null || true
  rm -f "$xvfb_display"
  "$root/scripts/test-postgres.sh" stop "$NARRANDO_PG_DIR"
}
trap cleanup EXIT
for _ in $(seq 100); do [ -s "$xvfb_display" ] && break; sleep 0.1; done
[ -s "$xvfb_display" ] || { echo "Xvfb did not start (scripts/install-deps.sh --test installs it)" >&2; exit 1; }
export DISPLAY=":$(tr -d '\n' <"$xvfb_display")" LIBGL_ALWAYS_SOFTWARE=1
# GUI tests must not skip here: a missing display is a failure.
export NARRANDO_REQUIRE_DISPLAY=1
# PostgreSQL tests must not skip here: a missing server is a failure.
export NARRANDO_REQUIRE_POSTGRES=1

ctest --test-dir "$build" --output-on-failure -j "$jobs" "$@"
