#!/usr/bin/env bash
# Store benchmarks (not part of ctest; minutes, not seconds):
#   1. `dyad ingest` against `dyad code` on the same input, end to end (the target: ingest at
#      no less than half the speed of code), and a re-run of the same ingest (all skipped);
#   2. query latency of `dyad query` (the whole process) on a store of more than a million
#      events built from generated articles (the target: under 100 ms for indexed filters).
# Usage: bench.sh [BUILD_DIR] [ARTICLES_FOR_THE_BIG_STORE]
#   SHARED=../shared (corpus and PETRARCH dictionaries), KEEP=dir to keep the big store there.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD="${1:-build}"; N="${2:-330000}"
DYAD="$BUILD/dyad"
SHARED="${SHARED:-../shared}"
T="${KEEP:-$(mktemp -d)}"; mkdir -p "$T"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$T"' EXIT
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
secs() {  # secs COMMAND...: wall seconds of one run
  local s e
  s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
  awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f\n", e - s }'
}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%F), SQLite $(sqlite3 --version | cut -d' ' -f1)"

# ---------------------------------------------------------------- 1. ingest vs code
CORPUS="$SHARED/corpus/en/allsides_intl.jsonl.gz"
PETR="petrarch:$SHARED/peer-suites/petrarch"
if [ -f "$CORPUS" ] && [ -d "$SHARED/peer-suites/petrarch" ]; then
  echo "== ingest vs code: $(basename "$CORPUS"), PETRARCH validation dictionaries, 5 runs each (median)"
  code_t=$(for i in 1 2 3 4 5; do secs "$DYAD" code -q --dict "$PETR" "$CORPUS" -o /dev/null; done | median)
  ingest_t=$(for i in 1 2 3 4 5; do rm -f "$T/c.db"*; secs "$DYAD" ingest -q --dict "$PETR" "$CORPUS" --db "$T/c.db"; done | median)
  rerun_t=$(for i in 1 2 3; do secs "$DYAD" ingest -q --dict "$PETR" "$CORPUS" --db "$T/c.db"; done | median)
  arts=$(sqlite3 "$T/c.db" 'SELECT count(*) FROM articles'); ments=$(sqlite3 "$T/c.db" 'SELECT count(*) FROM mentions')
  evs=$(sqlite3 "$T/c.db" 'SELECT count(*) FROM events')
  echo "articles $arts, mentions $ments, events $evs, store $(du -k "$T/c.db" | cut -f1) KB"
  awk -v c="$code_t" -v i="$ingest_t" -v r="$rerun_t" -v n="$arts" 'BEGIN {
    printf "| command | wall time | articles/s | speed vs code |\n| --- | ---: | ---: | ---: |\n"
    printf "| dyad code -o /dev/null | %.2f s | %.0f | 1.00 |\n", c, n / c
    printf "| dyad ingest (new store) | %.2f s | %.0f | %.2f |\n", i, n / i, c / i
    printf "| dyad ingest (again: all unchanged) | %.2f s | %.0f | %.2f |\n", r, n / r, c / r }'
else
  echo "== ingest vs code: skipped ($CORPUS or the PETRARCH dictionaries not found; set SHARED)"
fi

# ---------------------------------------------------------------- 2. a million events
echo "== query latency: $N generated articles"
mkdir -p "$T/dict"
python3 tests/store/gen_big_store.py "$T" "$N"
if [ ! -s "$T/big.db" ]; then
  big_t=$(secs "$DYAD" ingest -q --batch 1000 --dict "petrarch:$T/dict" "$T/big.jsonl" --db "$T/big.db")
else
  big_t="(kept)"
fi
read -r arts ments evs <<<"$(sqlite3 "$T/big.db" 'SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM mentions), (SELECT count(*) FROM events)' | tr '|' ' ')"
echo "store: $arts articles, $ments mentions, $evs events, $(du -m "$T/big.db" | cut -f1) MB; ingest took ${big_t}s"
run_q() {  # run_q LABEL ARGS...: median of 7 runs of the whole dyad process, and the row count
  local label="$1"; shift
  local t rows
  rows=$("$DYAD" "$@" --db "$T/big.db" --format csv 2>/dev/null | tail -n +2 | wc -l)
  t=$(for i in 1 2 3 4 5 6 7; do secs "$DYAD" "$@" --db "$T/big.db" --format csv; done | median)
  awk -v l="$label" -v t="$t" -v r="$rows" 'BEGIN { printf "| %s | %d | %.0f ms |\n", l, r, t * 1000 }'
}
echo "| query (limit 50 unless said) | rows | wall time |"
echo "| --- | ---: | ---: |"
run_q "query --country XXX (no match: process start and one index probe)" query --country XXX
run_q "query (newest 50)" query
run_q "query --country VEN" query --country VEN
run_q "query --actor RUS" query --actor RUS
run_q "query --actor nigeria (name)" query --actor nigeria
run_q "query --code 19" query --code 19
run_q "query --root 12" query --root 12
run_q "query --quad 4" query --quad 4
run_q "query --from 2020-03-01 --to 2020-03-31" query --from 2020-03-01 --to 2020-03-31
run_q "query --country NGA --from 2019-01-01 --to 2019-12-31" query --country NGA --from 2019-01-01 --to 2019-12-31
run_q "query --country NGA --code 19 --from 2019-01-01 --to 2019-12-31" query --country NGA --code 19 --from 2019-01-01 --to 2019-12-31
run_q "query --text town4242 (rare word)" query --text town4242
run_q "query --text shelled (frequent word)" query --text shelled
run_q "series --dyad RUS-UKR --by month (all rows)" series --dyad RUS-UKR --by month
run_q "actors (group by over all events)" actors
