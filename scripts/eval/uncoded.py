#!/usr/bin/env python3
"""Where the dictionaries miss: sentences of the corpus that name two actors of different
countries and code no event, read through `dyad explain`.

    scripts/eval/uncoded.py LANG [--top N] [--examples K] [--show WORD] [--corpus DIR] [--domestic]

--domestic looks at the sentences that name two actors of one country instead (a government
and its opposition, a party and the police, a country's actor and an agent of no country,
which takes the article's home): domestic politics, most of the French and Spanish news.

Prints two lists for one language, most frequent first:
  verbs  dictionary verbs that matched a word of such a sentence and coded nothing (no pattern
         matched and the verb has no default code), with the verb block and file line;
  words  lemmas of inflected words of such sentences that no dictionary verb matched (the
         lexicon's lemma; a word read as itself is left out, as are words of actor names and
         the 60 most frequent lemmas of the corpus);
each with K example sentences. --show WORD prints every such sentence holding that verb block
or lemma instead. Use a sample of the corpus that is not the gold set's sentences when
writing dictionary entries (tests/gold/README.md); measure what an entry adds with
`dyad code` before and after, reading the new events by hand.
Environment: DYAD_BIN (default build/dyad), DYAD_DATA (a data folder other than the one beside
the build).
"""
import argparse
import collections
import os
import re
import subprocess
import sys
from pathlib import Path

root = Path(__file__).resolve().parents[2]
ap = argparse.ArgumentParser()
ap.add_argument("lang")
ap.add_argument("--top", type=int, default=40)
ap.add_argument("--examples", type=int, default=2)
ap.add_argument("--show")
ap.add_argument("--corpus", default=str(root.parent / "shared" / "corpus"))
ap.add_argument("--domestic", action="store_true")
a = ap.parse_args()
dyad = os.environ.get("DYAD_BIN", str(root / "build" / "dyad"))
files = sorted(Path(a.corpus, a.lang).glob("*.jsonl.gz"))
if not files:
    sys.exit(f"no corpus files in {a.corpus}/{a.lang}")

sent_re = re.compile(r"^sentence \d+ \[\d+\.\.\d+\): (.*)$")
actor_re = re.compile(r"^  actor: '(.*)' -> (\S+)$")
verb_re = re.compile(r"^  verb: '(.*?)' \((\S+) at (\S+)\): no pattern matched and the verb has no default code$")
anyverb_re = re.compile(r"^  verb: '(.*?)' \(")


def sentences(path):
    """Yields (text, actors, uncoded verbs, words of matched verbs, tokens, coded) per sentence."""
    data = ["--data", os.environ["DYAD_DATA"]] if os.environ.get("DYAD_DATA") else []
    p = subprocess.Popen([dyad, *data, "explain", str(path), "--lang", a.lang], stdout=subprocess.PIPE, text=True)
    cur = None
    for line in p.stdout:
        line = line.rstrip("\n")
        m = sent_re.match(line)
        if m or line.startswith("== document"):
            if cur:
                yield cur
            cur = {"text": m[1], "actors": [], "uncoded": [], "verbwords": set(), "tokens": [], "coded": False} if m else None
            continue
        if cur is None:
            continue
        if line.startswith("  tokens: "):
            cur["tokens"] = line[len("  tokens: "):].split(" ")
        elif (m := actor_re.match(line)):
            cur["actors"].append((m[1], m[2]))
        elif (m := verb_re.match(line)):
            cur["uncoded"].append((m[2], m[3], m[1]))
        if (m := anyverb_re.match(line)):
            cur["verbwords"].update(w.lower() for w in m[1].split())
        if line.startswith("  EVENT "):
            cur["coded"] = True
    if cur:
        yield cur
    p.wait()


verbs, words, background = collections.Counter(), collections.Counter(), collections.Counter()
vex, wex = collections.defaultdict(list), collections.defaultdict(list)
where = {}
for f in files:
    for s in sentences(f):
        background.update({t.split("/", 1)[1] for t in s["tokens"] if "/" in t})
        countries = {c[:3] for _, c in s["actors"] if not c.startswith("---")}
        if s["coded"]:
            continue
        if a.domestic:
            # one country at most, and two different actors (roles) named
            if len(countries) > 1 or len({c for _, c in s["actors"]}) < 2:
                continue
        elif len(countries) < 2:
            continue
        names = {w.lower() for t, _ in s["actors"] for w in t.split()}
        seen = set()
        for block, at, form in s["uncoded"]:
            if block in seen:
                continue
            seen.add(block)
            verbs[block] += 1
            where[block] = at
            vex[block].append(s["text"])
        for tok in s["tokens"]:
            if "/" not in tok:
                continue
            form, lemma = tok.split("/", 1)
            if form in s["verbwords"] or form in names or len(lemma) < 4 or lemma in seen:
                continue
            seen.add(lemma)
            words[lemma] += 1
            wex[lemma].append(s["text"])

if a.show:
    for t in vex.get(a.show, []) + wex.get(a.show, []):
        print(t)
    sys.exit(0)
what = "two actors of one country" if a.domestic else "two countries' actors"
print(f"# {a.lang}: dictionary verbs that coded nothing in sentences naming {what}")
for block, n in verbs.most_common(a.top):
    print(f"{n:6d}  {block}  ({where[block]})")
    for t in vex[block][: a.examples]:
        print(f"        {t[:200]}")
# the most frequent lemmas of the whole corpus (auxiliaries, determiners) tell nothing
common = {w for w, _ in background.most_common(60)}
print(f"\n# {a.lang}: lemmas of inflected words no dictionary verb matched, in such sentences "
      "(the 60 most frequent lemmas of the corpus left out)")
for w, n in [x for x in words.most_common() if x[0] not in common][: a.top]:
    print(f"{n:6d}  {w}")
    for t in wex[w][: a.examples]:
        print(f"        {t[:200]}")
