#!/usr/bin/env bash
# Would an editor publish these tours? Generates the cities of the editorial benchmark
# (../shared/bench/editorial/must_see.json: Porto, Munich, Monaco, Milan) on the offline defaults,
# runs its scorer (must-see coverage, never-stops, duplicates, tours under 3 stops, titles) and
# prints the tours' shape (bench/tour-shape.py). Used for BENCHMARKS.md.
#
#   bench/editorial.sh [--shared DIR] [--keep DIR] [--all] [-- generate options...]
#
# --shared  the folder beside the repository that holds bench/editorial (default ../shared)
# --keep    write the city documents there instead of a temporary folder
# --all     also print the tours' shape of every embedded city (the scorer has lists for four)
# Options after -- go to every `narrando-server generate` (e.g. -- --tours 6).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
server=${NARRANDO_SERVER:-$root/build/bin/narrando-server}
shared=$root/../shared keep="" all=0 extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --shared) shared=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    --all) all=1; shift ;;
    --) shift; extra=("$@"); break ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
lists=$shared/bench/editorial/must_see.json
[ -f "$lists" ] || { echo "no editorial lists at $lists (use --shared DIR)" >&2; exit 1; }
work=${keep:-$(mktemp -d /tmp/narrando-editorial.XXXXXX)}
mkdir -p "$work"
[ -n "$keep" ] || trap 'rm -rf "$work"' EXIT
db=$work/editorial.db
rm -f "$db"

generate() {
  local id=$1
  NARRANDO_DB=$db "$server" generate "$id" --json --force "${extra[@]}" >"$work/${id#*:}.json"
}
scored=$(python3 -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1]))))' "$lists")
for id in $scored; do generate "$id"; done
status=0
python3 "$shared/bench/editorial/score.py" "$lists" $(for id in $scored; do echo "$work/${id#*:}.json"; done) || status=$?
echo
if [ "$all" = 1 ]; then
  for id in $("$server" cities | awk '/^(geonames:|ChIJ)/ {print $1}'); do
    [ -f "$work/${id#*:}.json" ] || generate "$id"
  done
  python3 "$root/bench/tour-shape.py" "$work"/*.json
else
  python3 "$root/bench/tour-shape.py" $(for id in $scored; do echo "$work/${id#*:}.json"; done)
fi
exit $status
