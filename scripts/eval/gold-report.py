#!/usr/bin/env python3
"""Scores dyad on the three gold sets and prints the table EVALUATION.md records.

    scripts/eval/gold-report.py [CORPUS_DIR]

For each tests/gold/<lang>/gold.jsonl: `dyad eval --gold-set` over ../shared/corpus/<lang>,
precision and recall at the root, 3-digit code, and 3-digit code with country-level actors.
Environment: DYAD_BIN (default build/dyad).
"""
import json
import subprocess
import sys
from pathlib import Path

root = Path(__file__).resolve().parents[2]
corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "corpus"
print("| lang | sentences | gold events | coded events | level | precision | recall | tp | fp | fn |")
print("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|")
for lang in ("fr", "en", "es"):
    gold = root / "tests" / "gold" / lang / "gold.jsonl"
    files = sorted(str(p) for p in (corpus / lang).glob("*.jsonl.gz"))
    r = subprocess.run([str(Path(__import__("os").environ.get("DYAD_BIN", str(root / "build" / "dyad")))), "eval", "--gold-set", str(gold), *files, "--json"],
                       capture_output=True, text=True, check=True)
    j = json.loads(r.stdout)
    for level, name in (("root", "root"), ("code", "3-digit code"), ("code_actors", "code + actors")):
        s = j[level]
        head = f"| {lang} | {j['sentences']} | {j['gold_events']} | {j['coded_events']} |" if level == "root" else "| | | | |"
        print(f"{head} {name} | {s['precision']:.2f} | {s['recall']:.2f} | {s['tp']} | {s['fp']} | {s['fn']} |")
