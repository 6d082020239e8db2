#!/usr/bin/env python3
"""Checks the country dictionary: regenerates it, then asserts lookups and the absence of collisions.

  tests/countries/check.py            # or tests/countries/check.sh
  DYAD=build/dyad tests/countries/check.py   # dyad binary for the end-to-end part (default build/dyad)

1. runs scripts/build-countries.sh (must exit 0);
2. reads data/common/actors.countries.generated.txt: every phrase has exactly one code, every
   package country has an entry;
3. looks phrases up the way dyad does (tokenizer rules of data/<lang>/tokens.txt, case folding,
   leftmost longest match) and compares with the expected codes;
4. feeds the converter a colliding phrase and expects it to refuse (exit 1, "collision");
5. when the dyad binary exists, runs `dyad dict check` and `dyad explain` on the same lookups,
   over a copy of data/ (the real file, as dyad loads it).
Exits 1 on any failure.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "scripts", "countries"))
import build_countries as bc  # noqa: E402  (the converter's own tokenizer emulation)

GEN = os.path.join(ROOT, "data", "common", "actors.countries.generated.txt")

# (language, text, expected codes of the actors found, in order; [] = no country actor)
LOOKUPS = [
    ("fr", "Russie", ["RUS"]),
    ("en", "Russia", ["RUS"]),
    ("es", "Rusia", ["RUS"]),
    ("fr", "russe", ["RUS"]),
    ("fr", "les Russes", ["RUS"]),
    ("fr", "vénézuélienne", ["VEN"]),
    ("es", "venezolanos", ["VEN"]),
    ("en", "Venezuelan", ["VEN"]),
    ("fr", "États-Unis", ["USA"]),
    ("fr", "Etats-Unis", ["USA"]),
    ("fr", "ETATS-UNIS", ["USA"]),
    ("fr", "les États-Unis d'Amérique", ["USA"]),
    ("es", "EE.UU.", ["USA"]),
    ("es", "EE. UU.", ["USA"]),
    ("es", "EEUU", ["USA"]),
    ("es", "Estados Unidos", ["USA"]),
    ("en", "the U.S.", ["USA"]),
    ("en", "United States", ["USA"]),
    ("fr", "Iran", ["IRN"]),
    ("fr", "l'Iran", ["IRN"]),
    ("en", "Iran", ["IRN"]),
    ("es", "Irán", ["IRN"]),
    ("fr", "Téhéran", ["IRNGOV"]),
    ("fr", "Moscou", ["RUSGOV"]),
    ("en", "Moscow", ["RUSGOV"]),
    ("es", "Moscú", ["RUSGOV"]),
    ("fr", "le Kremlin", ["RUSGOV"]),
    ("en", "Kremlin", ["RUSGOV"]),
    ("fr", "Maison-Blanche", ["USAGOV"]),
    ("fr", "la Maison Blanche", ["USAGOV"]),
    ("en", "White House", ["USAGOV"]),
    ("es", "Casa Blanca", ["USAGOV"]),
    ("en", "Pentagon", ["USAMIL"]),
    ("fr", "l'Élysée", ["FRAGOV"]),
    ("fr", "l'Elysée", ["FRAGOV"]),
    ("fr", "Ukraine", ["UKR"]),
    ("en", "Kyiv", ["UKRGOV"]),
    ("fr", "Corée du Nord", ["PRK"]),
    ("fr", "la Corée du Sud", ["KOR"]),
    ("fr", "Pékin", ["CHNGOV"]),
    ("es", "La Habana", ["CUBGOV"]),
    ("fr", "la Côte d'Ivoire", ["CIV"]),
    ("en", "Côte d'Ivoire", ["CIV"]),
    ("en", "Kosovo", ["KSV"]),
    ("fr", "Royaume-Uni", ["GBR"]),
    ("en", "Britain", ["GBR"]),
    ("en", "Northern Ireland", ["GBR"]),
    ("es", "Irlanda del Norte", ["GBR"]),
    ("en", "Ireland", ["IRL"]),
    ("es", "Sudán del Sur", ["SSD"]),
    ("es", "Sudán", ["SDN"]),
    ("en", "Democratic Republic of the Congo", ["COD"]),
    ("fr", "Russie et Venezuela", ["RUS", "VEN"]),
    # left out on purpose
    ("fr", "une alliance russo-vénézuélienne", []),
    ("en", "they told us", []),
    ("fr", "la réunion", []),
    ("en", "a grenade", []),
    ("es", "la granada", []),
    ("en", "Congo", []),
    ("en", "Latin American", []),
    ("en", "the Washington Post", []),
    ("fr", "l'océan Indien", []),
    ("en", "New Jersey", []),
    ("fr", "il est seul", []),
    ("fr", "drapeaux en berne", []),
    ("es", "las Damas de Blanco", []),
    ("fr", "Damas", ["SYRGOV"]),
    ("es", "Seúl", ["KORGOV"]),
]


def fail(msg, failures):
    failures.append(msg)
    print("FAIL: " + msg)


def read_generated(path):
    """phrase (tuple of folded words) -> list of codes; code -> number of phrases."""
    by_phrase, per_code = {}, {}
    cur = None
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith("+"):
                phrase, code = line[1:], cur
            else:
                m = re.fullmatch(r"(.+?)\s*\[([^\]]+)\]", line)
                if not m:
                    raise SystemExit(f"{path}:{ln}: not an actor line: {line!r}")
                phrase, code = m.group(1), m.group(2).strip()
                cur = code
            seq = tuple(bc.fold(w) for w in re.split(r"[_ ]+", phrase) if w)
            by_phrase.setdefault(seq, []).append(code)
            per_code[code] = per_code.get(code, 0) + 1
    return by_phrase, per_code


def mentions(text, lang, table, rules):
    toks = bc.tokenize(text, rules[lang])
    out, i = [], 0
    maxlen = max(len(k) for k in table)
    while i < len(toks):
        if bc.is_punct(toks[i]):
            i += 1
            continue
        best = None
        for n in range(min(maxlen, len(toks) - i), 0, -1):
            if toks[i:i + n] in table:
                best = n
                break
        if best:
            codes = table[toks[i:i + best]]
            if codes[0] != "---":
                out.append(codes[0])
            i += best
        else:
            i += 1
    return out


def main():
    failures = []

    # 1. regenerate
    r = subprocess.run([os.path.join(ROOT, "scripts", "build-countries.sh")], cwd=ROOT,
                       capture_output=True, text=True)
    sys.stderr.write(r.stderr)
    if r.returncode != 0:
        print(f"FAIL: scripts/build-countries.sh exited {r.returncode}")
        return 1

    # 2. one code per phrase; every country present
    by_phrase, per_code = read_generated(GEN)
    dup = {p: c for p, c in by_phrase.items() if len(c) > 1}
    for p, c in sorted(dup.items()):
        fail(f"phrase {'_'.join(p)} maps to {' and '.join(c)}", failures)
    countries = [c for c in per_code if len(c) == 3 and c != "---"]
    if len(countries) < 249:
        fail(f"only {len(countries)} countries in {GEN}", failures)
    print(f"generated: {len(countries)} countries, {len(per_code)} entries, {len(by_phrase)} phrases, "
          f"{len(dup)} phrases with two codes")

    # 3. lookups
    rules = {lang: bc.TokenRules.load(os.path.join(ROOT, "data", lang, "tokens.txt")) for lang in bc.LANGS}
    table = {p: c for p, c in by_phrase.items()}
    for lang, text, want in LOOKUPS:
        got = mentions(text, lang, table, rules)
        if got != want:
            fail(f"[{lang}] {text!r}: want {want}, got {got}", failures)
    print(f"lookups: {len(LOOKUPS)} checked")

    # 3b. what exclude.tsv leaves out stays out
    var = bc.Variants(rules)
    cameo = {cols[0]: cols[1] for _, cols in bc.read_tsv(os.path.join(ROOT, "scripts", "countries",
                                                                      "cameo-codes.tsv"), 2)}
    n_ex = 0
    with open(os.path.join(ROOT, "scripts", "countries", "exclude.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            code, phrase = line.rstrip("\n").split("\t")[:2]
            code = cameo.get(code[:3], code[:3]) + code[3:]
            for seq in var.of(phrase):
                n_ex += 1
                if code in by_phrase.get(seq, []) or (code == "*" and seq in by_phrase):
                    fail(f"excluded phrase {'_'.join(seq)} ({code}) is in the dictionary", failures)
    print(f"exclusions: {n_ex} variants absent")

    # 4. a collision must stop the build
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "data")
        os.makedirs(os.path.join(data, "common"))
        for lang in bc.LANGS:
            os.makedirs(os.path.join(data, lang))
            shutil.copy(os.path.join(ROOT, "data", lang, "tokens.txt"), os.path.join(data, lang))
        with open(os.path.join(ROOT, "data", "common", "countries-extra.tsv"), encoding="utf-8") as f:
            extra = f.read()
        with open(os.path.join(data, "common", "countries-extra.tsv"), "w", encoding="utf-8") as f:
            f.write(extra + "VEN\tRussie\n")
        out = os.path.join(tmp, "out.txt")
        pkg = os.path.join(ROOT, "build", "deps", "i18n-iso-countries-7.14.0")
        r = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "countries", "build_countries.py"),
                            "--package", pkg, "--data", data, "--config",
                            os.path.join(ROOT, "scripts", "countries"), "--out", out],
                           capture_output=True, text=True)
        if r.returncode == 0 or "collision: RUSSIE -> " not in r.stderr or os.path.exists(out):
            fail(f"an injected collision (VEN Russie) was not refused: exit {r.returncode}, "
                 f"stderr {r.stderr.strip()[-300:]!r}", failures)
        else:
            print("collision detection: refused as expected")

    # 5. end to end through dyad, when built
    dyad = os.environ.get("DYAD", os.path.join(ROOT, "build", "dyad"))
    if os.access(dyad, os.X_OK):
        with tempfile.TemporaryDirectory() as tmp:
            data = os.path.join(tmp, "data")
            shutil.copytree(os.path.join(ROOT, "data"), data)
            # only the country file among the actors: people and organisations have their own
            # entries for some of these phrases (the Washington Post is USAMED there)
            for d in [os.path.join(data, "common")] + [os.path.join(data, l) for l in bc.LANGS]:
                for f in os.listdir(d):
                    if f.startswith("actors") and f.endswith(".txt") and not f.endswith(".generated.txt"):
                        os.remove(os.path.join(d, f))
            r = subprocess.run([dyad, "--data", data, "dict", "check"], capture_output=True, text=True)
            if r.returncode != 0:
                fail(f"dyad dict check: exit {r.returncode}: {(r.stdout + r.stderr).strip()}", failures)
            else:
                n_e2e = 0
                for lang, text, want in LOOKUPS:
                    r = subprocess.run([dyad, "--data", data, "explain", "--lang", lang, "--text", text],
                                       capture_output=True, text=True)
                    got = re.findall(r"^\s*actor: '.*' -> (\S+)$", r.stdout, re.M)
                    n_e2e += 1
                    if r.returncode != 0 or got != want:
                        fail(f"dyad explain [{lang}] {text!r}: want {want}, got {got} (exit {r.returncode})",
                             failures)
                print(f"dyad end to end: {n_e2e} lookups through {os.path.relpath(dyad, ROOT)}")
    else:
        print(f"dyad end to end: skipped ({dyad} not built)")

    if failures:
        print(f"countries: {len(failures)} failure(s)")
        return 1
    print("countries: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
