#!/usr/bin/env bash
# Runs the benchmarks recorded in BENCHMARKS.md: the one-core end-to-end pass
# (with a bare tokenizing pass as the floor) on the English, French and Spanish corpora,
# and `dyad code` on 1 and 2 threads. Needs ../shared/corpus and a Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
SHARED="${SHARED:-../shared}"
PETR="petrarch:$SHARED/peer-suites/petrarch"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%F)"
for f in en/allsides_intl fr/orangesum_monde_politique; do
  echo "== $f, PETRARCH validation dictionaries"
  build/bench/dyad_bench --runs 5 --data data --dict "$PETR" "$SHARED/corpus/$f.jsonl.gz"
  echo "== $f, dyad's own dictionaries"
  build/bench/dyad_bench --runs 5 --data data "$SHARED/corpus/$f.jsonl.gz"
done
echo "== es/fakedes_true, dyad's own dictionaries"
build/bench/dyad_bench --runs 5 --data data "$SHARED/corpus/es/fakedes_true.jsonl.gz"
for j in 1 2; do
  /usr/bin/time -f "dyad code -j$j: %e s wall, %M KB peak" \
    build/dyad code -q -j"$j" --dict "$PETR" "$SHARED/corpus/en/allsides_intl.jsonl.gz" -o /dev/null
done
