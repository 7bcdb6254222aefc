#!/usr/bin/env bash
# Runs narrando-bench on every TOP instance of a benchmark directory and summarises the gaps to
# best_known.csv per set (1..7) and overall.
# usage: bench/run-top.sh [DIR] [--time-limit-ms N] [--seed S] [--bin PATH] [--out FILE]
#                         [--optima FILE] [--from FILE] [--raw FILE]
#   DIR       benchmark root holding top/instances and top/best_known.csv (default: ../shared/bench
#             relative to the repository root)
#   --bin     narrando-bench binary (default: build/bin/narrando-bench, or $NARRANDO_BENCH)
#   --out     also keep the per-instance CSV (instance,set,score,best_known,gap_percent,seconds)
#   --optima  CSV instance,optimum of proven optima (bench/top-optima.csv): the reference becomes
#             the proven optimum where there is one, best_known elsewhere
#   --from    summarise this saved `narrando-bench top` output instead of running the planner
#   --raw     also keep the `narrando-bench top` output (for a later --from)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$repo/../shared/bench"
bin="${NARRANDO_BENCH:-$repo/build/bin/narrando-bench}"
out=""
optima=""
from=""
raw=""
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --time-limit-ms|--seed) extra+=("$1" "$2"); shift 2 ;;
    --bin) bin="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --optima) optima="$2"; shift 2 ;;
    --from) from="$2"; shift 2 ;;
    --raw) raw="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) dir="$1"; shift ;;
  esac
done
[[ -f "$dir/top/best_known.csv" ]] || { echo "run-top.sh: no $dir/top/best_known.csv" >&2; exit 2; }
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
if [[ -n "$from" ]]; then
  cp "$from" "$tmp"
else
  [[ -x "$bin" ]] || { echo "run-top.sh: no executable $bin (build narrando-bench or pass --bin)" >&2; exit 2; }
  "$bin" top "$dir"/top/instances/*.txt "${extra[@]}" > "$tmp"
fi
[[ -z "$raw" ]] || cp "$tmp" "$raw"
reference="$dir/top/best_known.csv"
if [[ -n "$optima" ]]; then
  # best_known, overridden by every proven optimum that the optima file gives.
  reference="$(mktemp)"
  trap 'rm -f "$tmp" "$reference"' EXIT
  awk -F, 'NR == FNR { if (FNR > 1 && $2 != "") opt[$1] = $2; next }
           FNR == 1 { print; next }
           { print $1 "," (($1 in opt) ? opt[$1] : $2) }' "$optima" "$dir/top/best_known.csv" > "$reference"
  echo "reference: proven optima from $optima where known, else best_known"
fi
awk -F, -v out="$out" '
  NR == FNR { if (FNR > 1) best[$1] = $2; next }
  FNR == 1 { if (out != "") print "instance,set,score,best_known,gap_percent,seconds" > out; next }
  {
    name = $1; score = $5; secs = $6
    if (!(name in best)) { printf "run-top.sh: %s has no best_known value\n", name > "/dev/stderr"; next }
    set = substr(name, 2, index(name, ".") - 2)
    gap = best[name] > 0 ? 100 * (best[name] - score) / best[name] : 0
    if (out != "") printf "%s,%s,%s,%s,%.3f,%s\n", name, set, score, best[name], gap, secs > out
    for (k = 0; k < 2; k++) {
      key = k == 0 ? set : "all"
      n[key]++; sum[key] += gap; tsum[key] += secs
      if (!(key in worst) || gap > worst[key]) { worst[key] = gap; wname[key] = name }
      if (!(key in tmax) || secs > tmax[key]) tmax[key] = secs
      if (gap < 0) above[key]++
    }
  }
  END {
    print "set,instances,mean_gap_percent,worst_gap_percent,worst_instance,above_best_known,mean_seconds,max_seconds"
    for (s = 1; s <= 7; s++) if (s in n)
      printf "%d,%d,%.3f,%.3f,%s,%d,%.3f,%.3f\n", s, n[s], sum[s] / n[s], worst[s], wname[s], above[s], tsum[s] / n[s], tmax[s]
    if ("all" in n) {
      printf "all,%d,%.3f,%.3f,%s,%d,%.3f,%.3f\n", n["all"], sum["all"] / n["all"], worst["all"], wname["all"], above["all"], tsum["all"] / n["all"], tmax["all"]
      printf "TOP summary: %d instances, mean gap %.3f%%, worst %.3f%% (%s), mean time %.3f s, max %.3f s\n", n["all"], sum["all"] / n["all"], worst["all"], wname["all"], tsum["all"] / n["all"], tmax["all"]
    }
  }' "$reference" "$tmp"
