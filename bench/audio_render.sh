#!/usr/bin/env bash
# Rendering a 20-minute session to Ogg Opus: `plantar audio` against the
# shell pipeline of bench/pipeline_render.sh (flite per cue, sox, opusenc),
# in the same run. Prints both figures and the speed-up; never fails on a
# slow machine. Target (issue 3): plantar at least 2x faster.
set -euo pipefail
plantar=${1:-build/release/plantar}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
plan=(--goal plantar_fasciitis --goal relax --minutes 20)
"$plantar" guide "${plan[@]}" --json >"$work/timeline.json"
cues=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["cues"]))' "$work/timeline.json")
echo "20-minute session, $cues cues, $(nproc) cores"

time_it() {  # prints the seconds one run of "$@" takes
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.2f}')"
}
runs=${RUNS:-3}
ours=() theirs=()
for _ in $(seq "$runs"); do
  ours+=("$(time_it "$plantar" audio "${plan[@]}" -o "$work/plantar.ogg")")
  theirs+=("$(time_it "$here/pipeline_render.sh" "$work/timeline.json" "$work/pipeline.ogg")")
done
python3 - "${ours[*]}" "${theirs[*]}" "$work/plantar.ogg" "$work/pipeline.ogg" <<'PY'
import os, statistics, sys
ours = [float(x) for x in sys.argv[1].split()]
theirs = [float(x) for x in sys.argv[2].split()]
a, b = statistics.median(ours), statistics.median(theirs)
print(f"plantar audio:       median {a:.2f} s  (runs: {', '.join(f'{x:.2f}' for x in ours)})  "
      f"{os.path.getsize(sys.argv[3]) / 1e6:.2f} MB")
print(f"flite+sox+opusenc:   median {b:.2f} s  (runs: {', '.join(f'{x:.2f}' for x in theirs)})  "
      f"{os.path.getsize(sys.argv[4]) / 1e6:.2f} MB")
print(f"speed-up: {b / a:.1f}x (target: at least 2x)")
PY
