#!/usr/bin/env bash
# Start-up with and without the compiled-dictionary cache: `dyad dict stats` (opens the engine,
# loads the three language packs, prints their sizes) and `dyad code` on a one-sentence input,
# each run RUNS times (default 11); prints the median wall and CPU (user + system) time.
#   cold: the cache folder emptied before each run (compile from text, then write the cache)
#   warm: the cache written by a previous run (read the cache)
#   no-cache: --no-cache (compile from text, write nothing)
# Usage: bash bench/cache.sh [RUNS]   (after scripts/setup.sh has built build/dyad)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-11}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo '{"id":"t","lang":"fr","text":"La Russie a signé un accord avec le Venezuela."}' > "$tmp/tiny.jsonl"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
python3 - "$RUNS" "$tmp" <<'EOF'
import os, resource, shutil, statistics, subprocess, sys, time
runs, tmp = int(sys.argv[1]), sys.argv[2]
cache = os.path.join(tmp, "cache")
env = dict(os.environ, DYAD_CACHE_DIR=cache)
def run(cmd, before=None):
    walls, cpus = [], []
    for _ in range(runs):
        if before: before()
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append(time.perf_counter() - t0)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000
empty = lambda: shutil.rmtree(cache, ignore_errors=True)
rows = [
    ("dyad --help (process start only)", ["build/dyad", "--help"], None),
    ("dict stats, cold cache", ["build/dyad", "dict", "stats"], empty),
    ("dict stats, warm cache", ["build/dyad", "dict", "stats"], None),
    ("dict stats --no-cache", ["build/dyad", "dict", "stats", "--no-cache"], None),
    ("code tiny.jsonl, cold cache", ["build/dyad", "code", "-q", "-j1", tmp + "/tiny.jsonl"], empty),
    ("code tiny.jsonl, warm cache", ["build/dyad", "code", "-q", "-j1", tmp + "/tiny.jsonl"], None),
    ("code tiny.jsonl --no-cache", ["build/dyad", "code", "-q", "-j1", "--no-cache", tmp + "/tiny.jsonl"], None),
]
print(f"median of {runs} runs")
print(f"| {'command':<36} | {'wall ms':>8} | {'cpu ms':>8} |")
print(f"| {'-'*36} | {'-'*7}: | {'-'*7}: |")
for name, cmd, before in rows:
    if before is None and "warm" in name:
        subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    w, c = run(cmd, before)
    print(f"| {name:<36} | {w:>8.0f} | {c:>8.0f} |")
sizes = sorted((f, os.path.getsize(os.path.join(cache, f))) for f in os.listdir(cache)) if os.path.isdir(cache) else []
print("cache files: " + ", ".join(f"{f} {s / 1e6:.2f} MB" for f, s in sizes))
EOF
