#!/usr/bin/env bash
# kill -9 a real `dyad ingest` at several moments of its run. After every kill the store must
# open, pass SQLite's integrity check, hold only whole articles (and only whole batches), and a
# re-run must complete it with no duplicate and exactly the content of an uninterrupted run.
#
# Usage: kill9.sh BUILD_DIR SOURCE_DIR [ROUNDS]
# Input: the first 4000 records of ../shared/corpus/fr/*.jsonl.gz beside the repository when
# present (real articles: the reader, the hashing and the article rows), then 25,000 generated
# English records; everything is coded with a tiny PETRARCH-format dictionary written here, so
# that the generated records give events to cluster.
set -uo pipefail
BUILD="$1"; SRC="$2"; ROUNDS="${3:-4}"
DYAD="$BUILD/dyad"
T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
pass=0; fail=0
check() {
  local name="$1"; shift
  if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name"; fi
}
q() { sqlite3 -batch -noheader "$@"; }

mkdir -p "$T/dict"
cat > "$T/dict/t.verbs.txt" <<'V'
--- ATTACK [190] ---
ATTACK {ATTACKED}
--- SIGN [057] ---
SIGN {SIGNED}
--- CONDEMN [122] ---
CONDEMN
--- MEET [040] ---
MEET {MET}
V
printf 'RUSSIA [RUS]\nVENEZUELA [VEN]\nFRANCE [FRA]\nGERMANY [DEU]\nUKRAINE [UKR]\nCHINA [CHN]\nBRAZIL [BRA]\nINDIA [IND]\n' > "$T/dict/t.actors.txt"
printf 'GOVERNMENT [~GOV]\n' > "$T/dict/t.agents.txt"

python3 - "$T/gen.jsonl" <<'PY'
import json, random, sys
random.seed(7)
names = ["Russia", "Venezuela", "France", "Germany", "Ukraine", "China", "Brazil", "India"]
verbs = ["attacked", "condemned", "signed an agreement with", "met"]
outlets = ["Reuters", "AP", "AFP", "BBC", "DW", "Xinhua", ""]
with open(sys.argv[1], "w") as f:
    for i in range(25000):
        s = []
        for k in range(random.randint(1, 5)):
            a, b = random.sample(names, 2)
            s.append(f"{a} {random.choice(verbs)} {b}. The talks lasted for hours and nobody said much more about it.")
        f.write(json.dumps({"id": f"gen{i}", "source": random.choice(outlets), "lang": "en",
                            "date": f"2023-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}",
                            "text": " ".join(s)}) + "\n")
PY
INPUTS=()
CORPUS="$(ls "$SRC"/../shared/corpus/fr/*.jsonl.gz 2>/dev/null | head -1 || true)"
if [ -n "$CORPUS" ]; then
  zcat "$CORPUS" 2>/dev/null | head -4000 > "$T/fr.jsonl"
  INPUTS+=("$T/fr.jsonl")
  echo "input: 4000 records of $(basename "$CORPUS") + 25000 generated"
else
  echo "input: 25000 generated records"
fi
INPUTS+=("$T/gen.jsonl")
BATCH=100
ARGS=(--dict "petrarch:$T/dict" --batch "$BATCH" -q)
TOTAL=$(( $(cat "${INPUTS[@]}" | wc -l) ))

# The reference: one uninterrupted run.
start=$(date +%s.%N)
"$DYAD" ingest "${ARGS[@]}" "${INPUTS[@]}" --db "$T/ref.db"; rc=$?
dur=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }')
check "reference run exits 0" test "$rc" -eq 0
check "reference run stores every record" test "$(q "$T/ref.db" 'SELECT count(*) FROM articles')" -eq "$TOTAL"
echo "reference run: ${dur}s, $(q "$T/ref.db" 'SELECT count(*) FROM mentions') mentions, $(q "$T/ref.db" 'SELECT count(*) FROM events') events"

content() {  # everything except timestamps and file origins
  q "$1" "SELECT id, doc_id, content_hash, outlet, num_mentions FROM articles ORDER BY id;
          SELECT * FROM mentions ORDER BY id; SELECT * FROM events ORDER BY id;
          SELECT * FROM links ORDER BY mention_id, role; SELECT * FROM actor_names ORDER BY code, name;"
}
content "$T/ref.db" > "$T/ref.txt"

whole() {  # the checks after a kill
  local db="$1" label="$2" n
  check "$label: integrity" test "$(q "$db" 'PRAGMA integrity_check')" = "ok"
  check "$label: FTS index agrees" q "$db" "INSERT INTO mention_fts(mention_fts) VALUES ('integrity-check')"
  check "$label: whole articles" test "$(q "$db" 'SELECT count(*) FROM articles a WHERE num_mentions <> (SELECT count(*) FROM mentions m WHERE m.article_id = a.id)')" -eq 0
  check "$label: no duplicate" test "$(q "$db" 'SELECT count(*) - count(DISTINCT doc_id) FROM articles')" -eq 0
  check "$label: every mention in one event" test "$(q "$db" "SELECT count(*) FROM mentions m WHERE (SELECT count(*) FROM links l WHERE l.mention_id = m.id AND l.role = 'member') <> 1")" -eq 0
  check "$label: event counts agree" test "$(q "$db" "SELECT count(*) FROM events e WHERE num_mentions <> (SELECT count(*) FROM links l WHERE l.event_id = e.id AND l.role = 'member')")" -eq 0
  n="$(q "$db" 'SELECT count(*) FROM articles')"
  check "$label: whole batches ($n articles)" test "$((n % BATCH))" -eq 0 -o "$n" -eq "$TOTAL"
}

killed_mid_run=0
for r in $(seq 1 "$ROUNDS"); do
  db="$T/k$r.db"
  # Kill at a different moment each round: from very early to late in the run.
  delay=$(awk -v d="$dur" -v r="$r" -v n="$ROUNDS" 'BEGIN { printf "%.3f", d * (r - 0.5) / (n + 0.5) }')
  "$DYAD" ingest "${ARGS[@]}" "${INPUTS[@]}" --db "$db" &
  pid=$!
  sleep "$delay"
  if kill -9 "$pid" 2>/dev/null; then killed_mid_run=$((killed_mid_run + 1)); fi
  wait "$pid" 2>/dev/null
  n="$(q "$db" 'SELECT count(*) FROM articles' 2>/dev/null || echo "?")"
  echo "round $r: killed after ${delay}s with $n articles stored"
  if [ -s "$db" ]; then whole "$db" "round $r after kill"; fi
  # A second kill during the re-run, then a full re-run.
  "$DYAD" ingest "${ARGS[@]}" "${INPUTS[@]}" --db "$db" &
  pid=$!
  sleep "$(awk -v d="$dur" 'BEGIN { printf "%.3f", d / 4 }')"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  whole "$db" "round $r after a second kill"
  "$DYAD" ingest "${ARGS[@]}" "${INPUTS[@]}" --db "$db"; rc=$?
  check "round $r: re-run exits 0" test "$rc" -eq 0
  whole "$db" "round $r after the re-run"
  check "round $r: every record once" test "$(q "$db" 'SELECT count(*) FROM articles')" -eq "$TOTAL"
  content "$db" > "$T/k$r.txt"
  check "round $r: same content as an uninterrupted run" cmp -s "$T/ref.txt" "$T/k$r.txt"
done
check "at least half the kills hit a running ingest" test "$killed_mid_run" -ge $(( (ROUNDS + 1) / 2 ))

echo "$pass passed, $fail failed"
test "$fail" -eq 0
