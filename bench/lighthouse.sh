#!/usr/bin/env bash
# Lighthouse (npm, run with Debian's Chromium) on the web app's home and
# guide screens (and plan, evidence). Installs lighthouse once into build/lighthouse (from the npm
# registry). Prints scores; never fails on a slow machine.
# Targets (issue 5): performance at least 95 (0.95), accessibility 100 (1).
# Usage: bench/lighthouse.sh [PLANTAR]
set -euo pipefail
plantar=${1:-build/release/plantar}
tools=build/lighthouse
if [[ ! -x $tools/node_modules/.bin/lighthouse ]]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error lighthouse@13.5.0 >/dev/null
fi
work=$(mktemp -d)
"$plantar" serve --port 0 --no-auth --no-warm-up >"$work/serve.log" 2>&1 &
server=$!
trap 'kill -INT $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q "Ctrl-C" "$work/serve.log" && break; sleep 0.1; done
base=$(grep -o 'http://[^ ]*/' "$work/serve.log" | head -1)

flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"
echo "Lighthouse (mobile emulation), scores from 0 to 1"
for screen in "" "#/guide/bedtime" "#/plan/bedtime" "#/learn/evidence"; do
  CHROME_PATH=${CHROMIUM:-/usr/bin/chromium} "$tools/node_modules/.bin/lighthouse" "$base$screen" --quiet \
    --output=json --output-path="$work/report.json" --only-categories=performance,accessibility,best-practices \
    --chrome-flags="$flags --user-data-dir=$work/profile"
  python3 - "$work/report.json" "/${screen}" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
scores = "  ".join(f"{k} {v['score']}" for k, v in report["categories"].items())
lcp = report["audits"]["largest-contentful-paint"]["displayValue"]
print(f"  {sys.argv[2]:<20} {scores}  (LCP {lcp})")
PY
done
