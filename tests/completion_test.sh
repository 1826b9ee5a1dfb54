#!/usr/bin/env bash
# The shell completions, as the shells themselves run them: bash with the
# script loaded and its function called as Tab calls it; fish with
# `complete -C`; zsh and fish parse their files.
# Usage: completion_test.sh COMPLETIONS_DIR
set -euo pipefail
dir=$1
fail() { echo "FAIL: $*" >&2; exit 1; }

# What bash offers for LINE (the cursor at its end), sorted, on one line.
bash_offers() {
  bash --norc --noprofile -c '
    source "$1"
    [[ $(complete -p plantar) == "complete -F _plantar plantar" ]] || exit 9
    COMP_LINE=$2 COMP_POINT=${#2}
    read -ra COMP_WORDS <<<"$2"
    [[ $2 == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    _plantar plantar "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    ((${#COMPREPLY[@]} == 0)) || printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' _ "$dir/plantar" "$1"
}
expect_bash() {
  local got
  got=$(bash_offers "$1")
  [[ $got == "$2" ]] || fail "bash: '$1<TAB>' offers '$got', expected '$2'"
}
expect_bash "plantar pl" "places plan "
expect_bash "plantar plan --goal sl" "sleep "
expect_bash "plantar plan --goal sleep,re" "sleep,relax "
expect_bash "plantar plan --fe" "--feet "
expect_bash "plantar plan --feet " "both left right "
expect_bash "plantar places n" "near "
expect_bash "plantar places near Vaduz --kind spa --o" "--open-now "
expect_bash "plantar --json plan --tool tennis" "tennis_ball "
expect_bash "plantar check --condition diab" "diabetes diabetic_foot_warning "
expect_bash "plantar log --sore left:ar" "arch "
# A comma is part of a --condition (bruise@left:heel,left:arch): no list there.
expect_bash "plantar check --condition bruise@left:heel,diab" ""
expect_bash "plantar log --technique thumb_heel" "thumb_heel_press "
expect_bash "plantar help pla" "places plan "
expect_bash "plantar --db /tmp/x.db hist" "history "
[[ $(bash_offers "plantar learn ") == *"techniques"*"thumb_heel_press"* ]] || fail "bash: learn offers no kinds and ids"
# A flag of one command is not offered for another.
[[ $(bash_offers "plantar check --") != *"--minutes"* ]] || fail "bash: check offers --minutes"

# fish: `complete -C` answers as the Tab key does.
if command -v fish >/dev/null; then
  fish -n "$dir/plantar.fish" || fail "fish cannot read plantar.fish"
  fish_offers() { fish --no-config -c "source $dir/plantar.fish; complete -C '$1'" | cut -f1 | sort | tr '\n' ' '; }
  [[ $(fish_offers "plantar pl") == "places plan " ]] || fail "fish: 'plantar pl' offers '$(fish_offers "plantar pl")'"
  expect_fish() {
    local got
    got=$(fish_offers "$1")
    [[ $got == "$2" ]] || fail "fish: '$1<TAB>' offers '$got', expected '$2'"
  }
  expect_fish "plantar plan --goal sl" "sleep "
  expect_fish "plantar --db /tmp/x.db pl" "places plan "
  expect_fish "plantar places near Vaduz --kind sp" "spa "
  expect_fish "plantar places n" "near "
  expect_fish "plantar log --sore left:ar" "left:arch "
else
  echo "fish is not installed: skipped its checks" >&2
fi
if command -v zsh >/dev/null; then
  zsh -n "$dir/_plantar" || fail "zsh cannot read _plantar"
  [[ $(head -1 "$dir/_plantar") == "#compdef plantar" ]] || fail "_plantar does not start with #compdef plantar"
  # The Tab key in a real zsh, in a tmux server of this test's own.
  if command -v tmux >/dev/null; then
    socket="plantar-completion-$$"
    trap 'tmux -L "$socket" kill-server 2>/dev/null || true' EXIT
    tmux -L "$socket" new-session -d -x 150 -y 20 "env -i TERM=xterm HOME=/nonexistent zsh -f"
    tmux -L "$socket" send-keys "fpath=($dir \$fpath); autoload -U compinit; compinit -u -D; PS1='%% '; clear" Enter
    for _ in $(seq 1 50); do
      tmux -L "$socket" capture-pane -p | grep -q '^% ' && break
      sleep 0.1
    done
    zsh_line() {  # types $1 and Tab on a fresh line, prints the line once it changed
      tmux -L "$socket" send-keys C-u "$1" Tab
      for _ in $(seq 1 50); do
        sleep 0.1
        line=$(tmux -L "$socket" capture-pane -p | grep '^% ' | tail -1)
        [[ -n $line && $line != "% $1" ]] && break
      done
      echo "$line"
    }
    got=$(zsh_line "plantar plan --goal sl")
    [[ $got == "% plantar plan --goal sleep" ]] || fail "zsh: '--goal sl<TAB>' gave '$got'"
    got=$(zsh_line "plantar places near x --kind spa,ma")
    [[ $got == "% plantar places near x --kind spa,massage" ]] || fail "zsh: '--kind spa,ma<TAB>' gave '$got'"
    got=$(zsh_line "plantar serv")
    [[ $got == "% plantar serve" ]] || fail "zsh: 'serv<TAB>' gave '$got'"
  fi
else
  echo "zsh is not installed: skipped its checks" >&2
fi
echo "completions: OK"
