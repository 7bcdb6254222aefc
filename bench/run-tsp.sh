#!/usr/bin/env bash
# Runs narrando-bench on every TSPLIB instance of a benchmark directory and summarises the gaps to
# the proven optima in tsplib/best_known.csv, overall and for n <= 200.
# usage: bench/run-tsp.sh [DIR] [--time-limit-ms N] [--seed S] [--bin PATH] [--out FILE]
#   DIR    benchmark root holding tsplib/instances and tsplib/best_known.csv (default:
#          ../shared/bench relative to the repository root)
#   --bin  narrando-bench binary (default: build/bin/narrando-bench, or $NARRANDO_BENCH)
#   --out  also keep the per-instance CSV (instance,n,length,optimum,gap_percent,seconds)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$repo/../shared/bench"
bin="${NARRANDO_BENCH:-$repo/build/bin/narrando-bench}"
out=""
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --time-limit-ms|--seed) extra+=("$1" "$2"); shift 2 ;;
    --bin) bin="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) dir="$1"; shift ;;
  esac
done
[[ -x "$bin" ]] || { echo "run-tsp.sh: no executable $bin (build narrando-bench or pass --bin)" >&2; exit 2; }
[[ -f "$dir/tsplib/best_known.csv" ]] || { echo "run-tsp.sh: no $dir/tsplib/best_known.csv" >&2; exit 2; }
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
"$bin" tsp "$dir"/tsplib/instances/*.tsp "${extra[@]}" > "$tmp"
awk -F, -v out="$out" '
  NR == FNR { if (FNR > 1) opt[$1] = $2; next }
  FNR == 1 { if (out != "") print "instance,n,length,optimum,gap_percent,seconds" > out; next }
  {
    name = $1; n = $2; len = $3; secs = $4
    if (!(name in opt)) { printf "run-tsp.sh: %s has no best_known value\n", name > "/dev/stderr"; next }
    gap = 100 * (len - opt[name]) / opt[name]
    if (out != "") printf "%s,%s,%s,%s,%.3f,%s\n", name, n, len, opt[name], gap, secs > out
    for (k = 0; k < 2; k++) {
      if (k == 1 && n > 200) continue
      key = k == 0 ? "all" : "n<=200"
      cnt[key]++; sum[key] += gap; tsum[key] += secs
      if (!(key in worst) || gap > worst[key]) { worst[key] = gap; wname[key] = name }
      if (!(key in tmax) || secs > tmax[key]) tmax[key] = secs
      if (gap <= 0) optimal[key]++
    }
  }
  END {
    print "subset,instances,mean_gap_percent,worst_gap_percent,worst_instance,optimal,mean_seconds,max_seconds"
    split("all n<=200", keys, " ")
    for (i = 1; i <= 2; i++) { key = keys[i]; if (key in cnt)
      printf "%s,%d,%.3f,%.3f,%s,%d,%.3f,%.3f\n", key, cnt[key], sum[key] / cnt[key], worst[key], wname[key], optimal[key], tsum[key] / cnt[key], tmax[key] }
    if ("all" in cnt)
      printf "TSP summary: %d instances, mean gap %.3f%% (n<=200: %.3f%%), worst %.3f%% (%s), max time %.3f s\n", cnt["all"], sum["all"] / cnt["all"], sum["n<=200"] / cnt["n<=200"], worst["all"], wname["all"], tmax["all"]
  }' "$dir/tsplib/best_known.csv" "$tmp"
