#!/usr/bin/env bash
# Instructions one varied /api/plan answer costs, without HTTP, and its parts
# (request parsing, the planner, the JSON writer), counted by callgrind: the
# same figure on a busy machine as on a quiet one, so a change to the hot
# path can be judged while other work runs. Usage:
#   bench/answer_instructions.sh [build/release/bench/api_bench]
set -euo pipefail
bench=${1:-build/release/bench/api_bench}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$bench" --benchmark_filter=WholeAnswerVaried \
  --benchmark_min_time=0.5 >/dev/null 2>&1
callgrind_annotate --inclusive=yes --tree=caller "$work/cg.out" 2>/dev/null >"$work/cg.txt"
calls=$(grep "< .*BM_WholeAnswerVaried" "$work/cg.txt" | grep -o "([0-9]*x)" | head -1 | tr -dc 0-9)
for part in 'plantar::server::answer(' 'plantar::json_io::parse(' 'plantar::planner::plan(' \
  'plantar::json_io::dump[abi:cxx11](plantar::planner::Routine'; do
  ir=$(grep -F "*  " "$work/cg.txt" | grep -F "$part" | head -1 | awk '{gsub(",", "", $1); print $1}')
  printf '  %-62s %8d instructions an answer\n' "${part%(*}" $((ir / calls))
done
