#!/usr/bin/env bash
# Load test of dyad serve (not part of ctest; minutes): a store of more than a million events
# generated as in tests/store/bench.sh, then wrk (Debian) from loopback, 100 connections for
# 30 s, against the events and series endpoints. Prints requests/s and latency percentiles
# (BENCHMARKS.md, "dyad serve under load").
# Usage: load.sh [BUILD_DIR] [ARTICLES]   KEEP=dir keeps (and reuses) the big store there.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD="${1:-build}"; N="${2:-330000}"
DYAD="$BUILD/dyad"
T="${KEEP:-$(mktemp -d)}"; mkdir -p "$T"
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$T"; }
trap cleanup EXIT
command -v wrk >/dev/null || { echo "load.sh: wrk is not installed (apt-get install wrk)"; exit 2; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%F)"

if [ ! -s "$T/big.db" ]; then
  mkdir -p "$T/dict"
  python3 tests/store/gen_big_store.py "$T" "$N"
  s=$(date +%s)
  "$DYAD" ingest -q --batch 1000 --dict "petrarch:$T/dict" "$T/big.jsonl" --db "$T/big.db"
  echo "ingest: $(( $(date +%s) - s )) s"
  rm -f "$T/big.jsonl"
fi
read -r arts evs <<<"$(sqlite3 "$T/big.db" 'SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)' | tr '|' ' ')"
echo "store: $arts articles, $evs events, $(du -m "$T/big.db" | cut -f1) MB"

"$DYAD" serve --db "$T/big.db" --port 0 ${SERVE_ARGS:-} > "$T/serve.out" 2>&1 &
PID=$!
URL=""
for _ in $(seq 100); do URL=$(grep -o 'http://[^ ]*' "$T/serve.out" || true); [ -n "$URL" ] && break; sleep 0.1; done
[ -n "$URL" ] || { cat "$T/serve.out"; exit 1; }
DUR="${DUR:-30s}"
echo "| endpoint | requests/s | p50 | p99 | non-2xx | errors |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for path in "api/events" "api/events?country=VEN&per_page=50" "api/series?dyad=RUS-UKR&by=month" "api/series?dyad=RUS-UKR&by=month&quad_split=1"; do
  wrk -t2 -c100 -d3s "$URL$path" > /dev/null 2>&1  # warm-up, not counted
  out=$(wrk -t2 -c100 -d"$DUR" --latency "$URL$path" 2>&1)
  rps=$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  non2xx=$(awk '/Non-2xx/ { print $NF }' <<<"$out"); non2xx="${non2xx:-0}"
  errs=$(awk '/Socket errors/ { print $0 }' <<<"$out" | sed 's/.*errors: //'); errs="${errs:-none}"
  echo "| GET /$path | $rps | $p50 | $p99 | $non2xx | $errs |"
  code=$(curl -s -o /dev/null -w '%{http_code}' "${URL}api/health")
  [ "$code" = 200 ] || { echo "the server stopped answering after /$path ($code)"; exit 1; }
done
# The dashboard's unfiltered views on the whole store, one request each (not under load), and
# a query stopped by the deadline (a server with --query-timeout 50).
echo "| single request | status | time |"
echo "| --- | ---: | ---: |"
for path in "api/health" "api/series?by=month&quad_split=1" "api/network?level=country&limit=60" "api/places?limit=500" \
            "api/actors" "api/events?sort=-goldstein" "api/events?text=shelled&country=NGA"; do
  curl -s -o /dev/null -w "| GET /$path | %{http_code} | %{time_total} s |\n" "$URL$path"
done
kill -INT "$PID"; wait "$PID" || true; PID=""
"$DYAD" serve --db "$T/big.db" --port 0 --query-timeout 50 > "$T/serve.out" 2>&1 &
PID=$!
URL=""
for _ in $(seq 100); do URL=$(grep -o 'http://[^ ]*' "$T/serve.out" || true); [ -n "$URL" ] && break; sleep 0.1; done
curl -s -w " (%{http_code}, %{time_total} s)\n" "${URL}api/events?sort=-goldstein"
kill -INT "$PID"; wait "$PID" || true; PID=""
