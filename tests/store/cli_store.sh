#!/usr/bin/env bash
# dyad ingest / query / series / actors / export as a user runs them: exit codes, idempotence,
# replaced articles, exports read back by Python's json and csv modules, and the faults:
# foreign and damaged files, read-only store, full disk, a second writer.
# Usage: cli_store.sh BUILD_DIR SOURCE_DIR
set -uo pipefail
BUILD="$1"; SRC="$2"
DYAD="$BUILD/dyad"
T="$(mktemp -d)"; chmod 755 "$T"
MNT=""
cleanup() { [ -n "$MNT" ] && umount "$MNT" 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT
pass=0; fail=0; skip=0
check() {  # check NAME COMMAND...
  local name="$1"; shift
  if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}
q() { sqlite3 -batch -noheader "$@"; }

# A tiny dictionary in PETRARCH's format, written for these tests.
mkdir -p "$T/dict"
cat > "$T/dict/t.verbs.txt" <<'V'
--- ATTACK [190] ---
ATTACK {ATTACKED}
--- SHELL [195] ---
SHELL {SHELLED}
--- SIGN [057] ---
SIGN {SIGNED}
--- CONDEMN [122] ---
CONDEMN
V
printf 'RUSSIA [RUS]\nVENEZUELA [VEN]\nFRANCE [FRA]\nGERMANY [DEU]\nUKRAINE [UKR]\n' > "$T/dict/t.actors.txt"
printf 'GOVERNMENT [~GOV]\n' > "$T/dict/t.agents.txt"
D=(--dict "petrarch:$T/dict")

cat > "$T/in.jsonl" <<'J'
{"id":"w1","source":"Reuters","date":"2023-09-25","url":"https://r.example/w1","text":"Russia signed an agreement with Venezuela."}
{"id":"w2","source":"AP","date":"2023-09-25","text":"Russia signed an agreement with Venezuela."}
{"id":"w3","source":"AFP","date":"2023-09-26","text":"Venezuela signed an agreement with Russia."}
{"id":"a1","source":"AFP","date":"2023-10-01","text":"Russia attacked Ukraine."}
{"id":"a2","source":"BBC","date":"2023-10-02","text":"Russia did not attack Ukraine."}
{"id":"a3","source":"BBC","date":"2023-10-02","text":"France condemned Russia, \"firmly\"."}
J
DB="$T/s.db"

# 1. ingest: exit 0, a summary, events clustered
"$DYAD" ingest "${D[@]}" "$T/in.jsonl" --db "$DB" 2>"$T/err"; rc=$?
check "ingest exits 0" test "$rc" -eq 0
check "summary line" grep -q '6 articles (6 new' "$T/err"
check "no progress line off a terminal" bash -c "! grep -q \$'\r' '$T/err'"
check "6 mentions" test "$(q "$DB" 'SELECT count(*) FROM mentions')" -eq 6
check "reprints are one event with 3 sources" test "$(q "$DB" "SELECT num_mentions || '/' || num_sources FROM events WHERE code = '057'")" = "3/3"
check "the negation is not support" test "$(q "$DB" "SELECT num_mentions || '/' || num_contests FROM events WHERE code = '190' AND status = 'fact'")" = "1/1"
check "schema version" test "$(q "$DB" 'PRAGMA user_version')" -eq 3
check "WAL mode" test "$(q "$DB" 'PRAGMA journal_mode')" = "wal"
dump() { q "$1" "SELECT doc_id, content_hash, num_mentions FROM articles ORDER BY id; SELECT * FROM mentions ORDER BY id; SELECT * FROM events ORDER BY id; SELECT * FROM links ORDER BY mention_id, role; SELECT * FROM actor_names ORDER BY code, name"; }
dump "$DB" > "$T/dump1"

# 2. the same input again: nothing new, the same content
"$DYAD" ingest "${D[@]}" "$T/in.jsonl" --db "$DB" 2>"$T/err"; rc=$?
check "re-ingest exits 0" test "$rc" -eq 0
check "re-ingest skips all" grep -q '6 articles (0 new, 0 replaced, 6 unchanged)' "$T/err"
dump "$DB" > "$T/dump2"
check "re-ingest leaves the same content" cmp -s "$T/dump1" "$T/dump2"

# 3. a changed article replaces its mentions
printf '%s\n' '{"id":"a1","source":"AFP","date":"2023-10-01","text":"Germany condemned Russia."}' > "$T/changed.jsonl"
"$DYAD" ingest "${D[@]}" "$T/changed.jsonl" --db "$DB" 2>"$T/err"; rc=$?
check "changed article exits 0" test "$rc" -eq 0
check "changed article replaced" grep -q '1 replaced' "$T/err"
check "old sentence gone from search" test -z "$("$DYAD" query --db "$DB" --text attacked --format csv | tail -n +2)"
check "new sentence searchable" test "$("$DYAD" query --db "$DB" --text germany --format csv | tail -n +2 | wc -l)" -eq 1
check "6 articles still" test "$(q "$DB" 'SELECT count(*) FROM articles')" -eq 6

# 4. a bad record: named, the rest stored, exit 1
printf '%s\n' '{"id":"b1","date":"2023-11-01","text":"France condemned Germany."}' '{"id":"b2","text": oops}' \
  '{"id":"b3","date":"2023-11-02","text":"Germany condemned France."}' > "$T/mixed.jsonl"
"$DYAD" ingest "${D[@]}" "$T/mixed.jsonl" --db "$DB" 2>"$T/err"; rc=$?
check "bad record exits 1" test "$rc" -eq 1
check "error names file:line" grep -q "mixed.jsonl:2" "$T/err"
check "records around it stored" test "$(q "$DB" "SELECT count(*) FROM articles WHERE doc_id IN ('b1', 'b3')")" -eq 2

# 5. query, series, actors
"$DYAD" query --db "$DB" > "$T/table"; rc=$?
check "query exits 0" test "$rc" -eq 0
check "query table has a header" grep -q '^ *id  date' "$T/table"
"$DYAD" query --db "$DB" --format jsonl --code 05 > "$T/q.jsonl"
check "query jsonl codes are strings" grep -q '"code":"057"' "$T/q.jsonl"
check "query by country" test "$("$DYAD" query --db "$DB" --country VEN --format csv | tail -n +2 | wc -l)" -eq 1
check "query by actor name" test "$("$DYAD" query --db "$DB" --actor venezuela --format csv | tail -n +2 | wc -l)" -eq 1
"$DYAD" query --db "$DB" --from 2023-99-01 >/dev/null 2>"$T/err"; rc=$?
check "bad date exits 2" test "$rc" -eq 2
check "bad date is named" grep -q "2023-99-01" "$T/err"
"$DYAD" query --db "$DB" --event 1 > "$T/ev1"
check "query --event explains the links" grep -q "why: same status fact and dyad RUS~VEN" "$T/ev1"
"$DYAD" series --db "$DB" --dyad VEN-RUS --by day --format csv > "$T/series.csv"; rc=$?
check "series exits 0" test "$rc" -eq 0
check "series counts the symmetric event" grep -q '^2023-09-25,1,3,8' "$T/series.csv"
"$DYAD" series --db "$DB" --dyad RUS >/dev/null 2>&1; rc=$?
check "series without a pair exits 2" test "$rc" -eq 2
"$DYAD" actors --db "$DB" --format csv > "$T/actors.csv"
check "actors: counts and names" grep -q '^RUS,RUS,russia,3,' "$T/actors.csv"
check "actors: ranked by events, ties by code" test "$(sed -n 2,4p "$T/actors.csv" | cut -d, -f1 | tr '\n' ' ')" = "DEU FRA RUS "

# 6. exports, read back
"$DYAD" export --db "$DB" --format gdelt --status all -o "$T/g.tsv" --mentions "$T/gm.tsv" 2>"$T/err"; rc=$?
check "gdelt export exits 0" test "$rc" -eq 0
check "gdelt rows have 61 columns" awk -F'\t' 'NF != 61 { bad = 1 } END { exit bad }' "$T/g.tsv"
check "gdelt mentions have 16 columns" awk -F'\t' 'NF != 16 { bad = 1 } END { exit bad }' "$T/gm.tsv"
check "gdelt NumMentions/NumSources/NumArticles" grep -qP '\t057\t057\t05\t1\t8\t3\t3\t3\t' "$T/g.tsv"
"$DYAD" export --db "$DB" --format plover -o "$T/p.jsonl" 2>/dev/null
check "plover JSON Lines read back" python3 - "$T/p.jsonl" <<'PY'
import json, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    e = json.loads(line)
    assert isinstance(e["id"], str) and len(e["date"]) == 10, e
    assert isinstance(e["source"], list) and isinstance(e["recipient"], list), e
    assert isinstance(e["event"], list) and all(isinstance(t, str) for t in e["event"]), e
    assert isinstance(e["cameo"]["code"], str) and e["cameo"]["code"][0] in "012", e
    n += 1
assert n >= 3, n
PY
"$DYAD" export --db "$DB" --format csv --status all -o "$T/e.csv" --mentions "$T/m.csv" 2>/dev/null
check "csv read back with header, codes as strings" python3 - "$T/e.csv" "$T/m.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
assert len(rows) >= 4 and all(len(r) == 30 for r in rows), rows
assert any(r["code"] == "057" and r["root"] == "05" for r in rows)
assert any('"firmly"' in r["evidence"] for r in rows)
m = list(csv.DictReader(open(sys.argv[2], newline="", encoding="utf-8")))
assert m and all(r["role"] in ("member", "contests") for r in m)
assert all(len(r) == 32 for r in m), len(m[0])
assert all(r[k] in ("0", "1") for r in m for k in ("source_inferred", "source_implied", "target_inferred", "target_implied"))
PY
"$DYAD" export --db "$DB" --format xml >/dev/null 2>&1; rc=$?
check "unknown export format exits 2" test "$rc" -eq 2

# 7. foreign and damaged files are refused and left alone
echo "id,name" > "$T/notes.csv"; cp "$T/notes.csv" "$T/notes.orig"
"$DYAD" ingest "${D[@]}" "$T/in.jsonl" --db "$T/notes.csv" 2>"$T/err"; rc=$?
check "non-SQLite file exits 2" test "$rc" -eq 2
check "non-SQLite file: clear message" grep -q "not a SQLite database" "$T/err"
check "non-SQLite file untouched" cmp -s "$T/notes.csv" "$T/notes.orig"
q "$T/other.db" "CREATE TABLE customers(id INTEGER PRIMARY KEY); INSERT INTO customers VALUES (1);"
cp "$T/other.db" "$T/other.orig"
"$DYAD" ingest "${D[@]}" "$T/in.jsonl" --db "$T/other.db" 2>"$T/err"; rc=$?
check "foreign SQLite exits 2" test "$rc" -eq 2
check "foreign SQLite: names its tables" grep -q "customers" "$T/err"
check "foreign SQLite untouched" cmp -s "$T/other.db" "$T/other.orig"
"$DYAD" query --db "$T/other.db" >/dev/null 2>&1; rc=$?
check "query of a foreign SQLite exits 2" test "$rc" -eq 2
cp "$DB" "$T/bad.db"; printf 'garbage garbage!' | dd of="$T/bad.db" bs=1 seek=0 conv=notrunc 2>/dev/null
cp "$T/bad.db" "$T/bad.orig"
"$DYAD" ingest "${D[@]}" "$T/in.jsonl" --db "$T/bad.db" 2>/dev/null; rc=$?
check "damaged header exits 2" test "$rc" -eq 2
check "damaged file untouched" cmp -s "$T/bad.db" "$T/bad.orig"
"$DYAD" query --db "$T/missing.db" >/dev/null 2>"$T/err"; rc=$?
check "query of a missing store exits 2" test "$rc" -eq 2
check "query creates no file" test ! -e "$T/missing.db"

# 8. a read-only store: refused before coding, readable by query (needs a non-root user)
if [ "$(id -u)" -eq 0 ] && command -v runuser >/dev/null && runuser -u nobody -- true 2>/dev/null; then
  mkdir -p "$T/ro"; cp "$DB" "$T/ro/s.db"; chmod 755 "$T/ro"; chmod 644 "$T/ro/s.db"
  cp "$T/ro/s.db" "$T/ro.orig"
  runuser -u nobody -- "$DYAD" ingest "${D[@]}" "$T/in.jsonl" --db "$T/ro/s.db" 2>"$T/err"; rc=$?
  check "read-only store exits 2" test "$rc" -eq 2
  check "read-only store: clear message" grep -q "cannot be written" "$T/err"
  check "read-only store untouched" cmp -s "$T/ro/s.db" "$T/ro.orig"
  runuser -u nobody -- "$DYAD" query --db "$T/ro/s.db" --format csv > "$T/roq" 2>"$T/err"; rc=$?
  check "read-only store can be queried" test "$rc" -eq 0 -a "$(wc -l < "$T/roq")" -gt 1
else
  skip=$((skip + 1)); echo "SKIP: read-only store (needs root and runuser to act as nobody)"
fi

# A larger input for the next sections: 3000 articles.
python3 - "$T/big.jsonl" <<'PY'
import json, sys
names = ["Russia", "Venezuela", "France", "Germany", "Ukraine"]
verbs = ["attacked", "condemned", "signed an agreement with", "shelled"]
with open(sys.argv[1], "w") as f:
    for i in range(3000):
        s = []
        for k in range(4):
            a, b = names[(i + k) % 5], names[(i * 7 + k * 3 + 1) % 5]
            if a == b: b = names[(i + k + 1) % 5]
            s.append(f"{a} {verbs[(i + k) % 4]} {b}. " + "Filler words about the day. " * 20)
        f.write(json.dumps({"id": f"g{i}", "source": f"outlet{i % 7}", "date": f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}", "text": " ".join(s)}) + "\n")
PY

# 9. a full disk: the run stops naming the article, everything committed stays
full_check() {  # full_check LABEL DB
  local label="$1" db="$2"
  check "$label: exits 2" test "$rc" -eq 2
  check "$label: says full" grep -q "store_full" "$T/err"
  check "$label: names the article" grep -qE "record g[0-9]+" "$T/err"
  check "$label: store opens and is whole" test "$(q "$db" 'PRAGMA integrity_check')" = "ok"
  check "$label: only whole articles" test "$(q "$db" 'SELECT count(*) FROM articles a WHERE num_mentions <> (SELECT count(*) FROM mentions m WHERE m.article_id = a.id)')" -eq 0
}
"$DYAD" ingest "${D[@]}" "$T/big.jsonl" --db "$T/quota.db" --max-size 1.5 --batch 100 2>"$T/err"; rc=$?
full_check "size limit" "$T/quota.db"
n1="$(q "$T/quota.db" 'SELECT count(*) FROM articles')"
check "size limit: committed batches kept" test "$n1" -gt 0 -a "$((n1 % 100))" -eq 0
"$DYAD" ingest "${D[@]}" "$T/big.jsonl" --db "$T/quota.db" --batch 100 -q; rc=$?
check "after the limit a re-run completes" test "$rc" -eq 0 -a "$(q "$T/quota.db" 'SELECT count(*) FROM articles')" -eq 3000
MNT="$T/small"; mkdir -p "$MNT"
if mount -t tmpfs -o size=1200k tmpfs "$MNT" 2>/dev/null; then
  "$DYAD" ingest "${D[@]}" "$T/big.jsonl" --db "$MNT/s.db" --batch 100 2>"$T/err"; rc=$?
  full_check "full tmpfs" "$MNT/s.db"
  check "full tmpfs: committed articles kept" test "$(q "$MNT/s.db" 'SELECT count(*) FROM articles')" -gt 0
  umount "$MNT"; MNT=""
else
  MNT=""; skip=$((skip + 1)); echo "SKIP: real full disk (cannot mount a small tmpfs here; the size-limit test covers SQLITE_FULL)"
fi

# 10. a second writer: waits for the first, or gives up clearly after --busy-timeout
(echo "BEGIN IMMEDIATE; INSERT INTO meta VALUES ('lock', 'x');"; sleep 3; echo "ROLLBACK;") | sqlite3 "$DB" &
locker=$!
sleep 0.5
"$DYAD" ingest "${D[@]}" "$T/mixed.jsonl" --db "$DB" --busy-timeout 0.5 --force 2>"$T/err"; rc=$?
check "busy store: exits 2" test "$rc" -eq 2
check "busy store: says another process" grep -q "another process" "$T/err"
"$DYAD" ingest "${D[@]}" "$T/mixed.jsonl" --db "$DB" --busy-timeout 20 --force -q 2>"$T/err"; rc=$?
check "busy store: a patient writer waits and succeeds" test "$rc" -eq 1   # exit 1: the bad line of mixed.jsonl
check "busy store: it wrote" grep -vq "store_busy" "$T/err"
wait "$locker"
# Two ingests of the same input at once: each article once, nothing broken.
"$DYAD" ingest "${D[@]}" "$T/big.jsonl" --db "$T/twice.db" --batch 50 -q & p1=$!
"$DYAD" ingest "${D[@]}" "$T/big.jsonl" --db "$T/twice.db" --batch 50 -q & p2=$!
wait "$p1"; r1=$?; wait "$p2"; r2=$?
check "concurrent ingests both succeed" test "$r1" -eq 0 -a "$r2" -eq 0
check "concurrent ingests: each article once" test "$(q "$T/twice.db" 'SELECT count(*) || "/" || count(DISTINCT doc_id) FROM articles')" = "3000/3000"
check "concurrent ingests: every mention in one event" test "$(q "$T/twice.db" "SELECT count(*) FROM mentions m WHERE (SELECT count(*) FROM links l WHERE l.mention_id = m.id AND l.role = 'member') <> 1")" -eq 0
check "concurrent ingests: integrity" test "$(q "$T/twice.db" 'PRAGMA integrity_check')" = "ok"

echo "$pass passed, $fail failed, $skip skipped"
test "$fail" -eq 0
