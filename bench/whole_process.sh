#!/usr/bin/env bash
# Whole-process time of `plantar plan --json` (start-up, embedded knowledge
# base parse, screening, planning, JSON out). Prints figures; never fails on
# a slow machine. Target (issue 2): median under 10 ms.
set -euo pipefail
plantar=${1:-build/release/plantar}
request=$(mktemp)
trap 'rm -f "$request"' EXIT
cat >"$request" <<'JSON'
{"goals": ["plantar_fasciitis", "relax"], "minutes": 20, "feet": "both", "giver": "self",
 "tools": ["tennis_ball", "lotion"], "conditions": [{"id": "diabetes"}, {"id": "open_wound", "at": ["left:heel"]}]}
JSON
if command -v hyperfine >/dev/null; then
  results=$(mktemp)
  hyperfine --warmup 20 --runs 300 -N --style basic --export-json "$results" \
    "$plantar plan --input $request --json" "$plantar learn --json"
  python3 - "$results" <<'PY'
import json, statistics, sys
for r in json.load(open(sys.argv[1]))["results"]:
    t = sorted(x * 1000 for x in r["times"])
    print(f"{r['command'].split('/')[-1]}: median {statistics.median(t):.2f} ms, "
          f"p90 {t[int(len(t) * 0.9)]:.2f} ms over {len(t)} runs")
PY
  rm -f "$results"
else
  python3 - "$plantar" "$request" <<'PY'
import statistics, subprocess, sys, time
times = []
for _ in range(300):
    t = time.perf_counter()
    subprocess.run([sys.argv[1], "plan", "--input", sys.argv[2], "--json"], stdout=subprocess.DEVNULL, check=True)
    times.append((time.perf_counter() - t) * 1000)
times.sort()
print(f"plantar plan --json: median {statistics.median(times):.2f} ms, p90 {times[269]:.2f} ms over 300 runs")
PY
fi
