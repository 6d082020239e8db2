#!/usr/bin/env bash
# Sets up (dependencies + build, via setup.sh) and runs every test: unit tests,
# the peer suites, and the command-line checks. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The compiled-dictionary cache of the test run lives in the build folder, not in the user's
# ~/.cache/dyad (its key already makes a stale file unusable; this keeps the home folder clean
# and every run starting from the same, empty cache).
export DYAD_CACHE_DIR="$PWD/build/test-cache"
rm -rf "$DYAD_CACHE_DIR"
ctest --test-dir build --output-on-failure -j"$(nproc)"
