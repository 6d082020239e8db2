#!/usr/bin/env python3
"""Re-measures every figure of EVALUATION.md in place: the seed eval, the gold-set table, the
corpus report, the PETRARCH suite table and the dictionary sizes, and the date and commit line.

    python3 scripts/eval/update-evaluation.py

Each figure sits in a fenced block or table that directly follows the command producing it;
only those blocks are replaced, the prose around them is kept (re-read it after a big change).
"""
import datetime
import re
import subprocess
from pathlib import Path

root = Path(__file__).resolve().parents[2]


def run(cmd):
    return subprocess.run(cmd, cwd=root, shell=True, capture_output=True, text=True).stdout.strip()


path = root / "EVALUATION.md"
s = path.read_text()
s = re.sub(r"All figures: \S+, commit `[0-9a-f]+`",
           f"All figures: {datetime.date.today().isoformat()}, commit `{run('git rev-parse --short HEAD')}`", s)


def replace_after(s, command, new_block, fenced):
    """Replaces the first fenced block (or table) that follows the line holding `command`."""
    i = s.index(command)
    if fenced:
        a = s.index("```\n", s.index("```\n", i) + 4)  # the fence after the command's own block
        b = s.index("```", a + 4)
        return s[:a] + "```\n" + new_block + "\n" + s[b:]
    a = s.index("\n|", i) + 1
    b = a
    while True:  # consecutive table lines, blank line and table again (corpus report has two)
        nl = s.find("\n", b)
        line = s[b:nl]
        if line.startswith("|") or (line == "" and s[nl + 1:nl + 2] == "|") or line.startswith("Share of each root") or (line == "" and s[nl + 1:].startswith("Share")):
            b = nl + 1
            continue
        break
    return s[:a] + new_block + "\n" + s[b:]


s = replace_after(s, "build/dyad eval --gold ../shared/seeds", run(
    "build/dyad eval --gold ../shared/seeds/expected-events.jsonl ../shared/seeds/*.txt"), True)
s = replace_after(s, "python3 scripts/eval/gold-report.py", run("python3 scripts/eval/gold-report.py"), False)
s = replace_after(s, "python3 scripts/eval/corpus-report.py", run("python3 scripts/eval/corpus-report.py"), False)
s = replace_after(s, "build/dyad eval --suite petrarch", run(
    "build/dyad eval --suite petrarch ../shared/peer-suites/petrarch | head -15"), True)
s = replace_after(s, "build/dyad dict stats\n", run("build/dyad dict stats"), True)
# rule paths relative to the repository, whatever machine ran it
s = s.replace(str(root) + "/", "")
path.write_text(s)
