#!/usr/bin/env bash
# Installs, from Debian's apt only, the packages alueverkko needs that are missing on this machine.
# Idempotent: when everything is present it installs nothing and exits at once.
# Works as root or through sudo. PyPI is never used.
#   scripts/install-deps.sh          what building, `make demo` and `make test` need
#   scripts/install-deps.sh --bench  also the libraries the benchmarks compare with (`make bench`)
#   scripts/install-deps.sh --clang  also clang with libFuzzer and LLVM's OpenMP (`make fuzz`, `make test-tsan`)
set -euo pipefail

packages=(
  # build
  build-essential cmake make pkg-config
  # C++ libraries
  libboost-graph-dev libeigen3-dev libgraphviz-dev graphviz
  librsvg2-dev libcairo2-dev fonts-dejavu-core
  libcli11-dev nlohmann-json3-dev catch2
  # Python bindings and packaging (Debian's /usr/bin/python3)
  python3 python3-dev python3-venv python3-pip pybind11-dev python3-pybind11 python3-skbuild python3-setuptools
  # Python runtime and test oracles
  python3-numpy python3-pandas python3-pytest python3-networkx python3-scipy python3-igraph
  # oracles for maps and exports: PROJ's cs2cs (projection), GDAL's ogrinfo (GeoJSON)
  proj-bin gdal-bin
  # notebooks (run by make test) and progress bars
  python3-tqdm python3-nbclient python3-nbformat python3-ipykernel
  # the HTML report is opened in a headless browser by the tests
  chromium
)

case "${1:-}" in
  --bench) packages+=(python3-graph-tool) ;;
  --clang) packages+=(clang-14 libclang-rt-14-dev libomp-14-dev) ;;
esac

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} Debian packages present"
  exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-deps: missing packages (${missing[*]}) and neither root nor sudo" >&2
  exit 1
fi

echo "install-deps: installing ${#missing[@]} missing packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
