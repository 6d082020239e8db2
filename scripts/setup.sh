#!/usr/bin/env bash
# Installs everything dyad needs on a fresh Debian 12 machine, then builds it.
# Idempotent: re-running only rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential cmake pkg-config ninja-build
  libicu-dev zlib1g-dev libsimdjson-dev libcli11-dev libfmt-dev libcld2-dev
  libsqlite3-dev sqlite3
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  python3
  libcpp-httplib-dev chromium wrk curl
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm fetches data packages; any Node.js with npm will do (the image may carry its own).
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Generated language data (git-ignored): lexicons from Lefff/hunspell, country
# names from i18n-iso-countries. Each script skips work when its output is fresh.
for gen in scripts/build-lexicons.sh scripts/build-countries.sh; do
  [ -f "$gen" ] && bash "$gen"
done

# The dashboard of `dyad serve`: front-end libraries from npm (pinned in web/package-lock.json),
# bundled by esbuild into web/dist/, which the dyad binary serves (no CDN). Skipped when fresh.
if [ -f web/package.json ]; then
  if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
    (cd web && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
  if [ ! -f web/dist/index.html ] || [ -n "$(find web/src web/build.mjs web/package-lock.json -newer web/dist/index.html 2>/dev/null | head -1)" ]; then
    node web/build.mjs
  fi
fi

BUILD_TYPE="${DYAD_BUILD_TYPE:-Release}"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" >/dev/null
cmake --build build -j"$(nproc)"
