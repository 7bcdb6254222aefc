#!/usr/bin/env bash
# What the offline filter drops across every embedded city, counted by rule: generates each city
# on the embedded defaults into a throw-away database and counts the excluded attractions by the
# rule their reason starts with ("commercial gallery", "part of", "duplicate of", ...).
#
#   bench/filter-drops.sh [--language en] [--keep DIR]
#
# Needs a built build/bin/narrando-server and python3. --keep DIR keeps the city documents.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
server=${NARRANDO_SERVER:-$root/build/bin/narrando-server}
language=en keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --language) language=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
work=${keep:-$(mktemp -d /tmp/narrando-filter-drops.XXXXXX)}
mkdir -p "$work"
[ -n "$keep" ] || trap 'rm -rf "$work"' EXIT
rm -f "$work/drops.db"
for place in $("$server" cities | awk '$1 ~ /^(geonames:|ChIJ)/ {print $1}'); do
  NARRANDO_DB="$work/drops.db" "$server" generate "$place" --json --force --language "$language" > "$work/${place#*:}.json"
done
python3 - "$work" <<'PY'
import collections, glob, json, re, sys
rules, cities = collections.Counter(), 0
for path in sorted(glob.glob(sys.argv[1] + "/*.json")):
    cities += 1
    for a in json.load(open(path))["attractions"]:
        if a["included"]:
            continue
        reason = a["reason"]
        rule = re.sub(r' \(.*', '', re.sub(r'^(duplicate of|part of) .*', r'\1', reason))
        rule = re.sub(r'^below the \d+ best-scored stops.*', 'below the best-scored stops (max_attractions)', rule)
        rules[rule] += 1
print("%d cities, %d candidates dropped" % (cities, sum(rules.values())))
for rule, count in sorted(rules.items(), key=lambda kv: (-kv[1], kv[0])):
    print("%5d  %s" % (count, rule))
PY
