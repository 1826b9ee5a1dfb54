#!/usr/bin/env bash
# Start-up of the light `plantar` (issue 14): hyperfine in one run against
# /bin/true, medians. Target: `plan` minus /bin/true under 5 ms. Prints the
# load average too: on a shared machine the figures are the machine's.
# Usage: bench/start_up.sh [PLANTAR] [RUNS]
set -euo pipefail
plantar=${1:-build/release/plantar}
runs=${2:-200}
command -v hyperfine >/dev/null || { echo "start_up.sh: hyperfine is not installed" >&2; exit 1; }
results=$(mktemp)
trap 'rm -f "$results"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
hyperfine -N --warmup 10 --runs "$runs" --style basic --export-json "$results" /bin/true \
  "$plantar plan --goal sleep --minutes 5 --json" "$plantar --version" >/dev/null
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$results" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
median = {r["command"]: r["median"] * 1000 for r in results}
for r in results:
    print(f"  {r['command']:<60} median {r['median'] * 1000:6.2f} ms  "
          f"(user {r['user'] * 1000:.2f} ms, system {r['system'] * 1000:.2f} ms)")
true = median["/bin/true"]
plan = next(v for k, v in median.items() if " plan " in k)
print(f"  plan minus /bin/true: {plan - true:.2f} ms (target: under 5 ms)")
PY
