#!/usr/bin/env bash
# Formats the C++ sources tracked by git with clang-format-14 and the repository's .clang-format
# (the house style). With --check, changes nothing and fails listing the files that differ (CI).
#
#   scripts/format.sh [--check] [files...]     (default: every tracked .h/.hpp/.cpp)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
check=false
if [ "${1:-}" = --check ]; then check=true; shift; fi
formatter=$(command -v clang-format-14 || true)
[ -n "$formatter" ] || { echo "clang-format-14 is not installed (scripts/install-deps.sh --test)" >&2; exit 1; }
if [ $# -gt 0 ]; then files=("$@"); else mapfile -t files < <(git ls-files '*.h' '*.hpp' '*.cpp'); fi
if ! $check; then
  printf '%s\0' "${files[@]}" | xargs -0 -n 50 -P "$(nproc)" "$formatter" -i --style=file
  exit 0
fi
differ=()
for file in "${files[@]}"; do
  "$formatter" --style=file --dry-run -Werror "$file" >/dev/null 2>&1 || differ+=("$file")
done
if [ ${#differ[@]} -gt 0 ]; then
  echo "not formatted as .clang-format says (run scripts/format.sh):" >&2
  printf '  %s\n' "${differ[@]}" >&2
  exit 1
fi
echo "format: ${#files[@]} files follow .clang-format"
