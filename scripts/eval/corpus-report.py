#!/usr/bin/env python3
"""Codes the whole corpus per language and reports what an analyst checks for over-coding.

    scripts/eval/corpus-report.py [CORPUS_DIR] > report.md

For each language folder of CORPUS_DIR (default ../shared/corpus): articles, sentences and
events as `dyad code` counts them, events per 1,000 sentences, the share of each CAMEO root
among events coded as fact or report (negated, denied and hypothetical ones are left out, as in
the gold scoring), the share of 010 (make statement: PETRARCH-2's catch-all), and the
modalities. It fails (exit 1) when a root holds more than 40 % of a language's events, or 010
1 % or more. DYAD_BIN names the dyad binary (default build/dyad).
"""
import collections
import glob
import json
import os
import re
import subprocess
import sys
from pathlib import Path

root = Path(__file__).resolve().parents[2]
corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "corpus"
dyad = Path(os.environ.get("DYAD_BIN", root / "build" / "dyad"))
bad = False
print("| lang | articles | sentences | events | per 1,000 sentences | top roots (share of events) | 010 share | modality |")
print("|---|---:|---:|---:|---:|---|---:|---|")
detail = []
for lang_dir in sorted(p for p in corpus.iterdir() if p.is_dir()):
    files = sorted(glob.glob(str(lang_dir / "*.jsonl.gz")))
    if not files:
        continue
    r = subprocess.run([str(dyad), "code", "-j", "2", *files], capture_output=True, text=True)
    m = re.search(r"(\d+) articles, (\d+) sentences, (\d+) events", r.stderr)
    arts, sents, _ = (int(x) for x in m.groups()) if m else (0, 0, 0)
    roots = collections.Counter()
    mods = collections.Counter()
    n010 = 0
    events = 0
    for line in r.stdout.split("\n"):  # not splitlines(): a sentence may hold U+2028
        if not line:
            continue
        e = json.loads(line)
        mods[e["modality"] if e["polarity"] == "asserted" else "negated"] += 1
        if e["polarity"] != "asserted" or e["modality"] in ("denied", "hypothetical"):
            continue
        events += 1
        roots[e["code"][:2]] += 1
        n010 += e["code"] == "010"
    top = ", ".join(f"{k} {v / events:.0%}" for k, v in roots.most_common(5)) if events else "-"
    mod = ", ".join(f"{k} {v}" for k, v in mods.most_common())
    per = 1000 * events / sents if sents else 0
    print(f"| {lang_dir.name} | {arts:,} | {sents:,} | {events:,} | {per:.1f} | {top} | {n010 / max(events, 1):.1%} | {mod} |")
    if events and roots.most_common(1)[0][1] / events > 0.40:
        print(f"FAIL: {lang_dir.name}: root {roots.most_common(1)[0][0]} holds more than 40 % of the events", file=sys.stderr)
        bad = True
    if events and n010 / events >= 0.01:
        print(f"FAIL: {lang_dir.name}: 010 holds 1 % of the events or more (a catch-all)", file=sys.stderr)
        bad = True
    detail.append((lang_dir.name, events, roots))
print()
print("Share of each root, per language (events coded as fact or report):")
print()
langs = [d[0] for d in detail]
print("| root | " + " | ".join(langs) + " |")
print("|---|" + "---:|" * len(langs))
for rt in [f"{i:02d}" for i in range(1, 21)]:
    print(f"| {rt} | " + " | ".join(f"{d[2][rt] / max(d[1], 1):.1%}" for d in detail) + " |")
sys.exit(1 if bad else 0)
