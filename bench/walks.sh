#!/usr/bin/env bash
# Do the default tours keep their promise on foot? Generates every embedded city that has a street
# network (data/walking/) on the offline defaults, walks every leg of its tours on that network
# with `narrando-bench walks` (independently of how the tours were planned) and times `generate`.
# Used for BENCHMARKS.md.
#
#   bench/walks.sh [--model] [--server PATH] [--keep DIR] [-- generate options...]
#
# --model   plan on the walking model (WALKING_NETWORK=model: straight line x 1.3), as before
#           street networks, to compare
# --server  another narrando-server binary (e.g. an older build) to generate with
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
server=${NARRANDO_SERVER:-$root/build/bin/narrando-server}
bench=$root/build/bin/narrando-bench
network=osm keep="" extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --model) network=model; shift ;;
    --server) server=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
work=${keep:-$(mktemp -d /tmp/narrando-walks.XXXXXX)}
mkdir -p "$work"
[ -n "$keep" ] || trap 'rm -rf "$work"' EXIT
db=$work/walks.db
rm -f "$db"
echo "city,generate_ms"
for graph in "$root"/data/walking/*.nwg; do
  key=$(basename "$graph" .nwg)
  id=$(awk -F'\t' -v key="$key" '$1 == "city" && $2 == key {print $3}' "$root/data/places/places.tsv")
  start=$(date +%s%N)
  WALKING_NETWORK=$network NARRANDO_DB=$db "$server" generate "$id" --json --force "${extra[@]}" >"$work/$key.json"
  echo "$key,$(( ($(date +%s%N) - start) / 1000000 ))"
done
echo
"$bench" walks "$work"/*.json
