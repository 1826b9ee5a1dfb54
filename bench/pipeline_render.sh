#!/usr/bin/env bash
# The same job as `plantar audio`, done the usual shell way: the `flite`
# command per cue, `sox` to make the chimes, pad each cue with silence up to
# the next one and join them, and `opusenc` to encode. It reads the timeline
# printed by `plantar guide --json`. Used by bench/audio_render.sh.
# Usage: pipeline_render.sh TIMELINE.json OUT.ogg
set -euo pipefail
timeline=$1
out=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One line per cue: index, start in seconds, seconds to the next cue, kind, text.
python3 - "$timeline" >"$work/cues.tsv" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
cues = t["cues"]
for i, c in enumerate(cues):
    end = cues[i + 1]["at_ms"] if i + 1 < len(cues) else t["total_ms"]
    print(f"{i}\t{c['at_ms'] / 1000}\t{(end - c['at_ms']) / 1000}\t{c['kind']}\t{c['text']}")
PY

sox -n -r 16000 -c 1 "$work/start_chime.wav" synth 2 sine 523.25 sine 659.25 remix - fade 0.015 2 0.1 vol 0.3
sox -n -r 16000 -c 1 "$work/end_chime.wav" synth 2 sine 659.25 sine 523.25 remix - fade 0.015 2 0.1 vol 0.3
first=$(head -n1 "$work/cues.tsv" | cut -f2)
sox -n -r 16000 -c 1 "$work/lead.wav" trim 0 "$first"
parts=("$work/lead.wav")
while IFS=$'\t' read -r index _ slot kind text; do
  case $kind in
    start_chime | end_chime) sound="$work/$kind.wav" ;;
    *)
      sound="$work/cue_$index.wav"
      flite -voice slt -t "$text" -o "$work/raw_$index.wav"
      sox "$work/raw_$index.wav" "$sound" silence 1 0.05 1% reverse silence 1 0.05 1% reverse norm -3
      ;;
  esac
  # Pad (or cut) the cue to exactly the time until the next one.
  sox -V1 "$sound" "$work/part_$index.wav" pad 0 "$slot" trim 0 "$slot"
  parts+=("$work/part_$index.wav")
done <"$work/cues.tsv"
sox "${parts[@]}" -b 16 "$work/session.wav"
opusenc --quiet "$work/session.wav" "$out"
