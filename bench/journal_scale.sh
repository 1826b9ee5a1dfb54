#!/usr/bin/env bash
# How the journal's cost grows with its size (issue 15): journals of 1,000,
# 10,000 and 100,000 sessions (two a day, made by bench/make_journal.py and
# stored with `plantar import`), then, in one run, with hyperfine:
#   history --last 20, stats --json and stats (text) as whole processes, and
#   GET /api/journal?last=20 and GET /api/stats through a real `plantar serve`
#   on 127.0.0.1, and the import of 10,000 sessions into an empty journal.
# Targets: history and last=20 flat; stats at most linear and under 50 ms at
# 10,000; import of 10,000 under 2 s. Prints a table; never fails on a slow
# machine (only on a broken command).
#
# Usage: bench/journal_scale.sh [PLANTAR] [--store URI] [--sizes "1000 10000 100000"]
#   PLANTAR  the program (default build/release/plantar)
#   --store  a hosted PostgreSQL store instead of a SQLite file in a scratch
#            folder (e.g. the URI that `scripts/with-postgres start FILE`
#            writes). Its tables are emptied before each size (TRUNCATE
#            accounts CASCADE, or the command in $PLANTAR_EMPTY_STORE, run
#            with the URI as its one argument). The CLI's history and stats
#            read SQLite files only: on PostgreSQL the two requests are timed,
#            as one signed-up account, through `plantar serve --store`.
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
account=bench@example.org

empty_store() {
  if [[ -n "${PLANTAR_EMPTY_STORE:-}" ]]; then "$PLANTAR_EMPTY_STORE" "$store"
  else psql "$store" -qc "SET client_min_messages = warning; TRUNCATE accounts CASCADE"; fi
}
empty_journal() {
  if [[ -n "$store" ]]; then empty_store
  else rm -f "$work/journal-$1.db" "$work/journal-$1.db-wal" "$work/journal-$1.db-shm"; fi
}
# `plantar import` of FILE into the journal of size N.
import_into() {
  if [[ -n "$store" ]]; then "$plantar" --quiet import "$2" --store "$store" --account "$account"
  else "$plantar" --db "$work/journal-$1.db" --quiet import "$2"; fi
}
mean_ms() { python3 -c 'import json, sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["mean"] * 1000))' "$1"; }
time_it() {  # NAME RUNS COMMAND: the mean in ms
  hyperfine --style none --warmup 2 --runs "$2" -N --export-json "$work/$1.json" "$3" >/dev/null
  mean_ms "$work/$1.json"
}

# A server on the journal of size N; sets $base and, on PostgreSQL, signs
# up $account and sets $cookie (its session), before anything is imported.
start_server() {
  if [[ -n "$store" ]]; then
    "$plantar" serve --store "$store" --port 0 --no-warm-up >"$work/serve-$1.log" 2>&1 &
  else
    "$plantar" serve --db "$work/journal-$1.db" --port 0 --no-auth --no-warm-up >"$work/serve-$1.log" 2>&1 &
  fi
  pid=$!
  pids+=("$pid")
  base=""
  for _ in $(seq 200); do
    base=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve-$1.log" | head -1 || true)
    [[ -n "$base" ]] && break
    sleep 0.1
  done
  [[ -n "$base" ]] || { echo "the server did not start:" >&2; cat "$work/serve-$1.log" >&2; exit 1; }
  cookie=""
  if [[ -n "$store" ]]; then
    local token
    token=$(curl -sf "$base/api/session" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
    curl -sf -o /dev/null -c "$work/jar" -H "X-Plantar-Token: $token" -H 'Content-Type: application/json' \
      -d "{\"email\": \"$account\", \"password\": \"a long password\"}" "$base/api/account"
    cookie=$(awk '$6 == "plantar_account" {print "plantar_account=" $7}' "$work/jar")
  fi
}

[[ -n "$store" ]] && "$plantar" migrate --store "$store" >/dev/null
python3 "$here/make_journal.py" 10000 "$work/import-10000.json" 99
declare -A history stats text api api_stats
# Size 0 (an empty journal) is the baseline: the program's own start-up.
for n in 0 $sizes; do
  python3 "$here/make_journal.py" "$n" "$work/sessions-$n.json"
  empty_journal "$n"
  start_server "$n"
  import_into "$n" "$work/sessions-$n.json" >/dev/null
  # PostgreSQL's statistics after the import, as autovacuum gathers them
  # within a minute: the plans of a store in use, not of one just filled.
  [[ -n "$store" ]] && psql "$store" -qc "ANALYZE"
  if [[ -z "$store" ]]; then
    history[$n]=$(time_it "h-$n" "$runs" "$plantar --db $work/journal-$n.db history --last 20")
    stats[$n]=$(time_it "s-$n" "$runs" "$plantar --db $work/journal-$n.db stats --json")
    text[$n]=$(time_it "t-$n" "$runs" "$plantar --db $work/journal-$n.db stats")
  fi
  header=()
  [[ -n "$cookie" ]] && header=(-H "Cookie: $cookie")
  curl -sf "${header[@]}" "$base/api/journal?last=20" -o "$work/last20.json"
  curl -sf "${header[@]}" "$base/api/stats" -o "$work/stats-$n.json"
  cookie_arg=""
  [[ -n "$cookie" ]] && cookie_arg="-H 'Cookie: $cookie'"
  api[$n]=$(time_it "a-$n" $((runs * 5)) "curl -sf -o /dev/null $cookie_arg $base/api/journal?last=20")
  api_stats[$n]=$(time_it "as-$n" $((runs * 5)) "curl -sf -o /dev/null $cookie_arg $base/api/stats")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
done

# Import of 10,000 sessions into an empty journal, each run from empty.
if [[ -n "$store" ]]; then
  empty="psql $store -qc 'SET client_min_messages = warning; TRUNCATE accounts CASCADE'"
  [[ -n "${PLANTAR_EMPTY_STORE:-}" ]] && empty="$PLANTAR_EMPTY_STORE $store"
  import="$plantar --quiet import $work/import-10000.json --store $store --account $account"
else
  empty="rm -f $work/journal-import.db $work/journal-import.db-wal $work/journal-import.db-shm"
  import="$plantar --db $work/journal-import.db --quiet import $work/import-10000.json"
fi
hyperfine --style none --warmup 1 --runs 5 -N --export-json "$work/i.json" --prepare "$empty" "$import" >/dev/null
import_ms=$(mean_ms "$work/i.json")

echo "journal_scale: $(basename "$plantar"), store: ${store:-SQLite file}, mean of hyperfine runs (ms)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %18s %13s %13s %25s %15s\n' sessions "history --last 20" "stats --json" "stats (text)" \
  "GET /api/journal?last=20" "GET /api/stats"
for n in 0 $sizes; do
  printf '%-10s %18s %13s %13s %25s %15s\n' "$n" "${history[$n]:--}" "${stats[$n]:--}" "${text[$n]:--}" \
    "${api[$n]}" "${api_stats[$n]}"
done
echo "import of 10,000 sessions into an empty journal: $import_ms ms"
