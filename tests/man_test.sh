#!/usr/bin/env bash
# The man pages match --help: every command `plantar help` lists has its page
# (plantar-places-near(1) for `plantar places near`), no page is left over,
# every page renders without a warning from man, and the flags a page names
# are exactly the flags its command's --help names.
# Usage: man_test.sh PLANTAR MAN_DIR
set -euo pipefail
plantar=$1 pages=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v man >/dev/null || fail "man is not installed (man-db)"

# The commands `plantar help PATH` lists, one a line.
commands_of() {
  "$plantar" help "$@" | awk '/^Subcommands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }'
}
# The flags a text names (-o, --output), sorted, one a line.
flags_in() { grep -oE '(^|[^A-Za-z0-9-])--?[A-Za-z][A-Za-z0-9-]*' | sed -E 's/^[^-]*//' | sort -u; }

paths=("")
for ((i = 0; i < ${#paths[@]}; i++)); do
  read -ra words <<<"${paths[i]}"
  for sub in $(commands_of "${words[@]}"); do paths+=("${paths[i]:+${paths[i]} }$sub"); done
done
((${#paths[@]} > 15)) || fail "only ${#paths[@]} commands found in the help"

checked=()
for path in "${paths[@]}"; do
  read -ra words <<<"$path"
  name=plantar${path:+-${path// /-}}
  page="$pages/$name.1"
  [[ -f $page ]] || fail "no man page $name.1 for 'plantar $path'"
  checked+=("$name.1")
  warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null)
  [[ -z $warnings ]] || fail "$name.1 renders with warnings: $warnings"
  text=$(LC_ALL=C MANWIDTH=1000 man -l "$page" 2>/dev/null)
  [[ $text == *"NAME"*"SYNOPSIS"*"DESCRIPTION"* ]] || fail "$name.1 lacks NAME, SYNOPSIS or DESCRIPTION"
  help=$("$plantar" help "${words[@]}")
  from_help=$(flags_in <<<"$help")
  from_page=$(flags_in <<<"$text")
  [[ -n $from_help ]] || fail "'plantar help $path' names no flag"
  if [[ $from_help != "$from_page" ]]; then
    diff <(echo "$from_help") <(echo "$from_page") >&2 || true
    fail "the flags of 'plantar help $path' (<) and of $name.1 (>) differ"
  fi
  # The command's one-line description is the page's.
  summary=$(sed -n '1p' <<<"$help")
  [[ -z $path || $text == *"$summary"* ]] || fail "$name.1 lacks '$summary'"
done
for page in "$pages"/*.1; do
  [[ " ${checked[*]} " == *" $(basename "$page") "* ]] || fail "$(basename "$page") documents no command"
done
echo "${#paths[@]} man pages match --help: OK"
