#!/usr/bin/env bash
# Installs what amicus needs to build and test, from Debian's packages.
# Run as root (or with sudo) on Debian 12 or newer. Safe to run again.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libxapian-dev xapian-tools           # the index (xapian-tools: xapian-delve, xapian-check)
  libicu-dev                           # Unicode segmentation, normalization
  libboost-program-options-dev         # the tools' command lines
  nlohmann-json3-dev                   # JSON input and output
  libgumbo-dev                         # HTML pages (Google's HTML5 parser)
  libjemalloc-dev                      # the tools' allocator (faster indexing; optional)
  libgtest-dev libbenchmark-dev        # tests and benchmarks
  python3                              # the end-to-end tests' helper scripts
  clang libclang-rt-14-dev             # fuzzing (scripts/fuzz.sh): clang++ and libFuzzer
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
