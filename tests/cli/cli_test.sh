#!/usr/bin/env bash
# The dyad command as a user runs it: exit codes, error messages naming the
# record, output formats. Usage: cli_test.sh BUILD_DIR SOURCE_DIR
set -uo pipefail
BUILD="$1"; SRC="$2"
DYAD="$BUILD/dyad"
T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
pass=0; fail=0
check() {  # check NAME CONDITION...
  local name="$1"; shift
  if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}

# A tiny dictionary in PETRARCH's format, written for these tests.
mkdir -p "$T/dict"
cat > "$T/dict/t.verbs.txt" <<'V'
--- CONDEMN [122] ---
CONDEMN
--- MEET [031:032] ---
MEET {MET}
V
printf 'GONDOR [GON]\nARNOR [ARN]\nMORDOR [MOR]\n' > "$T/dict/t.actors.txt"
printf 'GOVERNMENT [~GOV]\n' > "$T/dict/t.agents.txt"
D=(--dict "petrarch:$T/dict")

# 1. good JSONL -> events, exit 0
cat > "$T/good.jsonl" <<'J'
{"id":"a1","lang":"en","date":"2001-02-03","text":"Gondor condemned Arnor.\nThe government of Mordor met Gondor."}
{"id":"a2","lang":"en","text":"Nothing to code here."}
J
"$DYAD" code "${D[@]}" "$T/good.jsonl" -o "$T/out.jsonl" 2>"$T/err"; rc=$?
check "good input exits 0" test "$rc" -eq 0
check "three events" test "$(wc -l < "$T/out.jsonl")" -eq 3
check "codes are strings" grep -q '"code":"122"' "$T/out.jsonl"
check "summary line" grep -q '2 articles' "$T/err"

# 2. a malformed line in the middle: error names file and line, the rest is coded, exit 1
printf '%s\n' '{"id":"b1","text":"Gondor condemned Arnor."}' '{"id":"b2","text": oops}' \
  '{"id":"b3","text":"Arnor condemned Mordor."}' > "$T/mixed.jsonl"
"$DYAD" code "${D[@]}" "$T/mixed.jsonl" -o "$T/out2.jsonl" 2>"$T/err2"; rc=$?
check "bad record exits 1" test "$rc" -eq 1
check "error names file:line" grep -q "mixed.jsonl:2" "$T/err2"
check "records around it coded" test "$(wc -l < "$T/out2.jsonl")" -eq 2

# 3. every bad-input fixture: non-zero exit, no crash (exit code 1, never >1)
for f in "$SRC"/tests/bad/*; do
  case "$f" in *.md|*blank_lines*) continue ;; esac
  "$DYAD" code "${D[@]}" "$f" -o "$T/o" 2>"$T/e"; rc=$?
  check "bad fixture $(basename "$f") exits 1" test "$rc" -eq 1
  check "bad fixture $(basename "$f") names the file" grep -q "$(basename "$f")" "$T/e"
done

# 4. formats
"$DYAD" code "${D[@]}" --format gdelt "$T/good.jsonl" -q > "$T/g.tsv"
check "gdelt rows have 61 columns" awk -F'\t' 'NF != 61 { bad = 1 } END { exit bad }' "$T/g.tsv"
"$DYAD" code "${D[@]}" --format csv "$T/good.jsonl" -q > "$T/c.csv"
check "csv header + 3 rows" test "$(wc -l < "$T/c.csv")" -eq 4
"$DYAD" code "${D[@]}" --format xml "$T/good.jsonl" >/dev/null 2>&1; rc=$?
check "unknown format exits 2" test "$rc" -eq 2

# 5. standard input, text files
echo "Arnor condemned Gondor." | "$DYAD" code "${D[@]}" - -q > "$T/s.jsonl"
check "stdin is read" grep -q '"doc_id":"stdin"' "$T/s.jsonl"

# 6. a dictionary error names file:line:column and stops before coding (exit 2)
mkdir -p "$T/bad"
printf -- '--- X [010] ---\nX\n- FOO BAR [010]\n' > "$T/bad/b.verbs.txt"
"$DYAD" dict check --dict "petrarch:$T/bad" 2>"$T/de"; rc=$?
check "dict check fails" test "$rc" -ne 0
check "dict error has file:line:column" grep -q "b.verbs.txt:3:" "$T/de"
"$DYAD" code --dict "petrarch:$T/bad" "$T/good.jsonl" >"$T/none" 2>/dev/null; rc=$?
check "code with a bad dictionary exits 2" test "$rc" -eq 2
check "and writes nothing" test ! -s "$T/none"

# 7. dyad's own dictionaries load
"$DYAD" dict check >/dev/null; rc=$?
check "own dictionaries check" test "$rc" -eq 0

# 8. dict stats: every language covers all 20 roots and at least 90 % of the 3-digit codes
"$DYAD" dict stats > "$T/stats"; rc=$?
check "dict stats exits 0" test "$rc" -eq 0
for l in en es fr; do
  check "stats: $l covers every root and >= 90% of 3-digit codes" awk -v l="$l" '
    $1 == l { split($11, r, "/"); split($12, b, "/"); ok = (r[1] == 20 && b[1] >= 0.9 * b[2]) }
    END { exit ok ? 0 : 1 }' "$T/stats"
done

# 9. the compiled-dictionary cache: written by `dict compile`, read by the next start, with the
# same result as compiling from text; a damaged file is compiled again with a warning
C="$T/cache"
"$DYAD" dict compile -o "$C" > "$T/compiled"; rc=$?
check "dict compile exits 0" test "$rc" -eq 0
check "dict compile prints one file per language pack" test "$(awk -F'\t' '$3 > 100000' "$T/compiled" | wc -l)" -eq 3
check "dict compile wrote those files" test "$(ls "$C"/*.dlex | wc -l)" -eq 3
echo '{"id":"c1","lang":"fr","date":"2023-09-25","text":"La Russie a signé un accord avec le Venezuela."}' > "$T/c.jsonl"
"$DYAD" code --no-cache -q "$T/c.jsonl" > "$T/c.text"
DYAD_CACHE_DIR="$C" "$DYAD" code -q "$T/c.jsonl" > "$T/c.cached" 2>"$T/c.err"
check "coding from the cache gives the same events" cmp -s "$T/c.text" "$T/c.cached"
check "and some" grep -q '"code":"057"' "$T/c.cached"
check "no warning for a good cache" test ! -s "$T/c.err"
f="$(ls "$C"/fr-*.dlex)"; head -c 1000 "$f" > "$T/cut"; cp "$T/cut" "$f"
DYAD_CACHE_DIR="$C" "$DYAD" code -q "$T/c.jsonl" > "$T/c.cut" 2>"$T/c.err"; rc=$?
check "a truncated cache still codes" test "$rc" -eq 0
check "the same events" cmp -s "$T/c.text" "$T/c.cut"
check "with one warning" grep -q "warning: .*corrupt dictionary cache" "$T/c.err"
check "and the file is written again" test "$(stat -c %s "$f")" -gt 100000
DYAD_CACHE_DIR="$T/c.jsonl/below-a-file" "$DYAD" code -q "$T/c.jsonl" > "$T/c.ro" 2>"$T/c.err"; rc=$?
check "an unwritable cache folder still codes, silently" test "$rc" -eq 0 -a ! -s "$T/c.err"
check "the same events (unwritable cache)" cmp -s "$T/c.text" "$T/c.ro"

# 10. eval --gold-set --details: each gold event missed and each coded event the gold does not
# hold, at the code + countries level, named by article and byte span
n=$(printf '%s' "La Russie a signé un accord avec le Venezuela." | wc -c)
printf '{"doc":"c1","start":0,"end":%s,"events":[{"source":"RUS","target":"VEN","code":"057"},{"source":"RUS","target":"VEN","code":"042"}]}\n{"doc":"c1","start":0,"end":%s,"events":[{"source":"VEN","target":"RUS","code":"111"}]}\n' "$n" "$n" > "$T/gold.jsonl"
"$DYAD" eval --gold-set "$T/gold.jsonl" "$T/c.jsonl" --details > "$T/details"; rc=$?
check "eval --details exits 0" test "$rc" -eq 0
check "details: the missed 042 is listed with its place" grep -qx "c1:0-$n  missed  042 RUS VEN" "$T/details"
check "details: so is the missed 111" grep -qx "c1:0-$n  missed  111 VEN RUS" "$T/details"
check "details: the 057 the first sentence holds is not listed there" test "$(grep -c "^c1:0-$n  missed  057" "$T/details")" -eq 0
check "details: the 057 the second sentence does not hold is extra, with its rule" grep -q "^c1:0-$n  extra   057 RUS VEN  'signé' data/fr/" "$T/details"
check "details: then the scores (tp 1, fp 1, fn 2)" grep -qE "^code \+ countries +0\.500 +0\.333 +1 +1 +2$" "$T/details"

# 11. explain over JSON Lines records: each record in turn, or the one --doc names
printf '%s\n' '{"id":"x1","lang":"fr","text":"La Russie a signé un accord avec le Venezuela."}' '{"id":"x2","lang":"fr","text":"Le Venezuela a critiqué la Russie."}' > "$T/x.jsonl"
"$DYAD" explain "$T/x.jsonl" > "$T/x.out"; rc=$?
check "explain records exits 0" test "$rc" -eq 0
check "explain records: one header per record" test "$(grep -c '^== document x[12]$' "$T/x.out")" -eq 2
check "explain records: each record's event" grep -q "EVENT RUS -> VEN 057" "$T/x.out"
"$DYAD" explain "$T/x.jsonl" --doc x2 > "$T/x2.out"; rc=$?
check "explain --doc: only that record" test "$rc" -eq 0 -a "$(grep -c '^== document' "$T/x2.out")" -eq 1 -a "$(grep -c '^== document x2$' "$T/x2.out")" -eq 1
"$DYAD" explain "$T/x.jsonl" --doc nope > /dev/null 2> "$T/x.err"; rc=$?
check "explain --doc with no such record exits 2 and says so" test "$rc" -eq 2 -a -n "$(grep 'no record with id nope' "$T/x.err")"

# 12. a record with no date and no date in its text: actors' roles are today's unless --roles-date
# gives the day to read them on (an undated 2005 story's "Mr Blair" is the prime minister)
echo '{"id":"u1","lang":"en","text":"Mr Blair met President Chirac in Paris."}' > "$T/u.jsonl"
"$DYAD" code "$T/u.jsonl" > "$T/u.today" 2> "$T/u.err"; rc=$?
check "undated: exits 0" test "$rc" -eq 0
check "undated: today's roles (Blair has left office)" grep -q '"code":"GBRELI"' "$T/u.today"
check "undated: the summary says how many records had no date" grep -q "1 articles carry no date" "$T/u.err"
"$DYAD" code --roles-date 2005-06-01 "$T/u.jsonl" > "$T/u.2005" 2> "$T/u.err"; rc=$?
check "--roles-date: the prime minister of the day" test "$rc" -eq 0 -a -n "$(grep '"code":"GBRGOV"' "$T/u.2005")"
check "--roles-date: the events keep no date" grep -q '"date":""' "$T/u.2005"
check "--roles-date: no undated note" test -z "$(grep 'carry no date' "$T/u.err")"
"$DYAD" code --roles-date 2005-02-30 "$T/u.jsonl" > /dev/null 2> "$T/u.err"; rc=$?
check "--roles-date: an impossible day exits 2 and says why" test "$rc" -eq 2 -a -n "$(grep 'must be YYYY-MM-DD' "$T/u.err")"

echo "$pass passed, $fail failed"
test "$fail" -eq 0
