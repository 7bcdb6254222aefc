#!/usr/bin/env bash
# Installs Narrando's dependencies from Debian 12 packages. Used by the README, .ci/run and the
# Dockerfile, so there is one list.
#
#   scripts/install-deps.sh [--runtime] [--build] [--test] [--console] [--data] [--bench] [--fuzz] [--all]
#
# --runtime  libraries the server binary needs at run time (the container's final stage)
# --build    compilers, CMake and -dev packages to build the server and the bench tool (libosmium and
#            protozero are header-only: build-network reads .osm.pbf extracts; zlib is their runtime;
#            CLI11 is the header-only command-line parser)
# --test     what the test suite starts: PostgreSQL, Xvfb and Mesa for the console; clang-format-14,
#            which checks the house format (scripts/format.sh --check)
# --console  Dear ImGui, GLFW, OpenGL and stb headers (and a font) for the editors' console
# --fuzz     clang 14 and its libFuzzer runtime for scripts/run-fuzzers.sh (the sanitizer builds of
#            scripts/run-sanitizers.sh use GCC's ASan, UBSan and TSan, installed with --build)
# --data     what scripts/build-places-data.py needs to rebuild data/places/places.tsv from the
#            OpenStreetMap extracts (pyosmium); only for rebuilding the data, never the product
# --bench    what the scripts in bench/ drive: wrk and nginx (http-bench.sh), hyperfine
# Without options: --build --test --console. Runs apt-get (with sudo when not root).
set -euo pipefail

runtime=(ca-certificates libcpp-httplib0.11 libpqxx-6.4 libsqlite3-0 libssl3 zlib1g libbrotli1)
build=(build-essential cmake pkg-config git libcpp-httplib-dev nlohmann-json3-dev libpqxx-dev libsqlite3-dev
       libssl-dev zlib1g-dev libbrotli-dev libgtest-dev libgmock-dev ca-certificates
       libosmium2-dev libprotozero-dev libcli11-dev)
test=(postgresql postgresql-contrib xvfb xauth libgl1-mesa-dri libglx-mesa0 python3 python3-yaml curl clang-format-14)
console=(libimgui-dev libglfw3-dev libgl-dev libstb-dev fonts-dejavu-core)
data=(python3 python3-pyosmium)
bench=(wrk nginx-light hyperfine curl python3)
fuzz=(clang-14 libclang-rt-14-dev)

packages=()
[ $# -gt 0 ] || set -- --build --test --console
for option in "$@"; do
  case "$option" in
    --runtime) packages+=("${runtime[@]}") ;;
    --build) packages+=("${build[@]}") ;;
    --test) packages+=("${test[@]}") ;;
    --console) packages+=("${console[@]}") ;;
    --data) packages+=("${data[@]}") ;;
    --bench) packages+=("${bench[@]}") ;;
    --fuzz) packages+=("${fuzz[@]}") ;;
    --all) packages+=("${runtime[@]}" "${build[@]}" "${test[@]}" "${console[@]}" "${data[@]}" "${bench[@]}" "${fuzz[@]}") ;;
    -h|--help) sed -n 2,17p "$0"; exit 0 ;;
    *) echo "unknown option: $option" >&2; exit 2 ;;
  esac
done

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
echo "installed: ${packages[*]}"
