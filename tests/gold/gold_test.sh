#!/usr/bin/env bash
# Scores dyad on the hand-coded gold sets (tests/gold/<lang>/gold.jsonl) and fails when a
# figure falls below its floor in tests/gold/floors.tsv. The floors are the figures recorded in
# EVALUATION.md, rounded down: a dictionary or engine change that loses events it used to get
# right, or starts coding false ones, shows up here. Raise a floor when the figures improve.
# Needs ../shared/corpus beside the repository; exits 77 (skipped) when it is absent.
# Usage: gold_test.sh BUILD_DIR SOURCE_DIR
set -uo pipefail
BUILD="$1"; SRC="$2"
CORPUS="$SRC/../shared/corpus"
[ -d "$CORPUS" ] || { echo "skipped: needs ../shared/corpus beside the repository"; exit 77; }
fail=0
while IFS=$'\t' read -r lang level metric floor; do
  case "$lang" in ''|'#'*) continue;; esac
  gold="$SRC/tests/gold/$lang/gold.jsonl"
  json=$("$BUILD/dyad" eval --gold-set "$gold" "$CORPUS/$lang"/*.jsonl.gz --json) || { echo "FAIL: $lang: dyad eval exited $?"; fail=1; continue; }
  got=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]][sys.argv[3]])' "$json" "$level" "$metric")
  if python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) >= float(sys.argv[2]) else 1)' "$got" "$floor"; then
    echo "ok: $lang $level $metric $got >= $floor"
  else
    echo "FAIL: $lang $level $metric $got < floor $floor"; fail=1
  fi
done < "$SRC/tests/gold/floors.tsv"
exit $fail
