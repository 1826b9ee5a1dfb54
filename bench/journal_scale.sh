#!/usr/bin/env bash
# How the journal's cost grows with its size (issue 15): journals of 1,000,
# 10,000 and 100,000 sessions (two a day, made by bench/make_journal.py and
# stored with `plantar import`), then, in one run, with hyperfine:
#   history --last 20, stats, /api/journal?last=20 (a real `plantar serve`
#   on 127.0.0.1), and import of 10,000 sessions into an empty journal.
# Targets: history and last=20 flat; stats at most linear and under 50 ms at
# 10,000; import of 10,000 under 2 s. Prints a table; never fails on a slow
# machine (only on a broken command).
#
# Usage: bench/journal_scale.sh [PLANTAR] [--store URI] [--sizes "1000 10000 100000"]
#   PLANTAR  the program (default build/release/plantar)
#   --store  another store than a SQLite file in a scratch folder: every
#            command gets `--store URI` instead of `--db FILE`, and the
#            command in $PLANTAR_EMPTY_STORE (run with the URI as its one
#            argument) must empty it before each size.
set -euo pipefail
plantar=build/release/plantar
store=""
sizes="1000 10000 100000"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --store) store=$2; shift 2 ;;
    --sizes) sizes=$2; shift 2 ;;
    *) plantar=$1; shift ;;
  esac
done
plantar=$(realpath "$plantar")
here=$(dirname "$(realpath "$0")")
source "$here/background.sh"
runs=${RUNS:-10}

# The journal of one size: a SQLite file, or the store given with --store.
journal_args() {
  if [[ -n "$store" ]]; then echo "--store $store"; else echo "--db $work/journal-$1.db"; fi
}
empty_journal() {
  if [[ -n "$store" ]]; then "${PLANTAR_EMPTY_STORE:?set PLANTAR_EMPTY_STORE to empty the store}" "$store"
  else rm -f "$work/journal-$1.db" "$work/journal-$1.db-wal" "$work/journal-$1.db-shm"; fi
}
mean_ms() { python3 -c 'import json, sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["mean"] * 1000))' "$1"; }

python3 "$here/make_journal.py" 10000 "$work/import-10000.json" 99
declare -A history stats api
# Size 0 (an empty journal) is the baseline: the program's own start-up.
for n in 0 $sizes; do
  python3 "$here/make_journal.py" "$n" "$work/sessions-$n.json"
  empty_journal "$n"
  # shellcheck disable=SC2046
  "$plantar" $(journal_args "$n") --quiet import "$work/sessions-$n.json" >/dev/null
  hyperfine --style none --warmup 2 --runs "$runs" -N --export-json "$work/h-$n.json" \
    "$plantar $(journal_args "$n") history --last 20" >/dev/null
  hyperfine --style none --warmup 2 --runs "$runs" -N --export-json "$work/s-$n.json" \
    "$plantar $(journal_args "$n") stats --json" >/dev/null
  history[$n]=$(mean_ms "$work/h-$n.json")
  stats[$n]=$(mean_ms "$work/s-$n.json")
  # The same journal through a real server (no secret, no audio warm-up).
  # shellcheck disable=SC2046
  "$plantar" serve $(journal_args "$n") --port 0 --no-auth --no-warm-up >"$work/serve-$n.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  base=""
  for _ in $(seq 200); do
    base=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve-$n.log" | head -1 || true)
    [[ -n "$base" ]] && break
    sleep 0.1
  done
  [[ -n "$base" ]] || { echo "the server did not start:" >&2; cat "$work/serve-$n.log" >&2; exit 1; }
  curl -sf "$base/api/journal?last=20" -o "$work/last20.json"
  hyperfine --style none --warmup 5 --runs $((runs * 5)) -N --export-json "$work/a-$n.json" \
    "curl -sf -o /dev/null $base/api/journal?last=20" >/dev/null
  api[$n]=$(mean_ms "$work/a-$n.json")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
done

# Import of 10,000 sessions into an empty journal, each run from empty.
if [[ -n "$store" ]]; then empty="${PLANTAR_EMPTY_STORE:?set PLANTAR_EMPTY_STORE} $store"
else empty="rm -f $work/journal-import.db $work/journal-import.db-wal $work/journal-import.db-shm"; fi
hyperfine --style none --warmup 1 --runs 5 -N --export-json "$work/i.json" --prepare "$empty" \
  "$plantar $(journal_args import) --quiet import $work/import-10000.json" >/dev/null
import_ms=$(mean_ms "$work/i.json")

echo "journal_scale: $(basename "$plantar"), store: ${store:-SQLite file}, mean of hyperfine runs (ms)"
printf '%-10s %16s %12s %22s\n' sessions "history --last 20" "stats --json" "GET /api/journal?last=20"
for n in 0 $sizes; do printf '%-10s %16s %12s %22s\n' "$n" "${history[$n]}" "${stats[$n]}" "${api[$n]}"; done
echo "import of 10,000 sessions into an empty journal: $import_ms ms"
