#!/usr/bin/env bash
# Sets up (dependencies + build) and codes the user's seed articles, printing
# one event per line (JSON Lines), scores them against the analyst's gold, then ingests them into
# the event store out/seeds.db and prints the clustered events as a table.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
SEEDS="${1:-../shared/seeds}"
mkdir -p out
./build/dyad code "$SEEDS"/*.txt -o out/seed-events.jsonl
cat out/seed-events.jsonl
if [ -f "$SEEDS/expected-events.jsonl" ]; then
  echo
  ./build/dyad eval --gold "$SEEDS/expected-events.jsonl" "$SEEDS"/*.txt || true
fi

echo
rm -f out/seeds.db out/seeds.db-wal out/seeds.db-shm
./build/dyad ingest "$SEEDS"/*.txt --db out/seeds.db -q
./build/dyad query --db out/seeds.db --limit 0
echo; echo "Explore them in a browser: build/dyad serve --db out/seeds.db  (then open http://127.0.0.1:8080/)"
