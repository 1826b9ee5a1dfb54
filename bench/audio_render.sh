#!/usr/bin/env bash
# Rendering a 20-minute session to Ogg Opus: `plantar audio` against the
# shell pipeline of bench/pipeline_render.sh (flite per cue, sox, opusenc),
# in the same run. plantar is timed cold (an empty sentence cache: every
# sentence spoken and encoded) and warm (the cache filled by an earlier run:
# the file is only stitched). Prints the figures and the speed-ups; never
# fails on a slow machine. Targets (issue 13): cold at least 4x, warm at
# least 100x faster than the pipeline. Also timed: a warm render with the
# brown-noise background (the stitched session decoded, mixed and encoded
# again), and how long the cold render takes to write the first part the web
# guide starts with (--first-part).
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
  python3 -c "print(f'{$end - $start:.3f}')"
}
cold() {  # a render with an empty cache
  rm -rf "$work/cold"
  XDG_CACHE_HOME="$work/cold" "$plantar" audio "${plan[@]}" -o "$work/cold.ogg"
}
warm() { XDG_CACHE_HOME="$work/warm" "$plantar" audio "${plan[@]}" -o "$work/warm.ogg"; }
bed() {  # warm, with a background under the voice
  XDG_CACHE_HOME="$work/warm" "$plantar" audio "${plan[@]}" --background brown -o "$work/bed.ogg"
}
first_seconds() {  # prints the seconds until the first part exists
  local start end
  start=$(date +%s.%N)
  rm -rf "$work/first" "$work/opening.ogg"
  XDG_CACHE_HOME="$work/first" "$plantar" audio "${plan[@]}" -o "$work/full.ogg" --first-part "$work/opening.ogg" \
    >/dev/null 2>&1 &
  local child=$!
  while [ ! -e "$work/opening.ogg" ] && kill -0 "$child" 2>/dev/null; do sleep 0.01; done
  end=$(date +%s.%N)
  wait "$child"
  python3 -c "print(f'{$end - $start:.3f}')"
}
warm >/dev/null  # fills the warm cache
runs=${RUNS:-3}
colds=() warms=() theirs=() beds=() firsts=()
for _ in $(seq "$runs"); do
  colds+=("$(time_it cold)")
  warms+=("$(time_it warm)")
  beds+=("$(time_it bed)")
  firsts+=("$(first_seconds)")
  theirs+=("$(time_it "$here/pipeline_render.sh" "$work/timeline.json" "$work/pipeline.ogg")")
done
python3 - "${colds[*]}" "${warms[*]}" "${theirs[*]}" "$work/cold.ogg" "$work/warm.ogg" "$work/pipeline.ogg" \
  "${beds[*]}" "$work/bed.ogg" "${firsts[*]}" <<'PY'
import os, statistics, sys
runs = [[float(x) for x in arg.split()] for arg in sys.argv[1:4]]
cold, warm, pipe = (statistics.median(r) for r in runs)
beds, firsts = [float(x) for x in sys.argv[7].split()], [float(x) for x in sys.argv[9].split()]
def line(name, median, r, path):
    print(f"{name:<22} median {median:.3f} s  (runs: {', '.join(f'{x:.3f}' for x in r)})  "
          f"{os.path.getsize(path) / 1e6:.2f} MB")
line("plantar audio, cold:", cold, runs[0], sys.argv[4])
line("plantar audio, warm:", warm, runs[1], sys.argv[5])
line("flite+sox+opusenc:", pipe, runs[2], sys.argv[6])
print(f"speed-up cold: {pipe / cold:.1f}x (target: at least 4x)")
print(f"speed-up warm: {pipe / warm:.1f}x (target: at least 100x)")
line("warm, brown background:", statistics.median(beds), beds, sys.argv[8])
print(f"cold, first part ready: median {statistics.median(firsts):.3f} s  (runs: {', '.join(f'{x:.3f}' for x in firsts)})")
PY
