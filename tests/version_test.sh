#!/usr/bin/env bash
# `plantar --version` shows the version of include/plantar/version.h (the one
# place it lives) and the git commit, and the changelog's latest entry is
# that version.
# Usage: version_test.sh PLANTAR SOURCE_DIR
set -euo pipefail
plantar=$1 source=$2
fail() { echo "FAIL: $*" >&2; exit 1; }

version=$(sed -n 's/.*version = "\([0-9.]*\)".*/\1/p' "$source/include/plantar/version.h")
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "no version in version.h"

shown=$("$plantar" --version)
[[ $shown =~ ^plantar\ ([0-9.]+)\ \(commit\ ([0-9a-f]{7,}(-dirty)?|unknown)\)$ ]] ||
  fail "--version printed '$shown'"
[[ ${BASH_REMATCH[1]} == "$version" ]] || fail "--version says ${BASH_REMATCH[1]}, version.h says $version"
commit=${BASH_REMATCH[2]}
[[ $("$plantar" -V) == "$shown" ]] || fail "-V and --version differ"
# In a git checkout the commit is a real one of this repository.
if [[ $commit != unknown ]] && git -C "$source" rev-parse --git-dir >/dev/null 2>&1; then
  git -C "$source" cat-file -e "${commit%-dirty}^{commit}" || fail "commit $commit is not in the repository"
fi

# Built from a tarball (no .git), the commit is "unknown" and the build goes on.
tarball=$(mktemp -d)
trap 'rm -rf "$tarball"' EXIT
cmake -DSOURCE_DIR="$tarball" -DOUTPUT="$tarball/build_info.cc" -P "$source/cmake/build_info.cmake" ||
  fail "cmake/build_info.cmake failed outside git"
grep -q 'return "unknown";' "$tarball/build_info.cc" || fail "outside git the commit is not 'unknown'"

# The changelog, in Debian's format: its first line names the same version.
top=$(head -1 "$source/packaging/changelog")
[[ $top =~ ^plantar\ \(([^\)]+)\)\ [a-z]+\;\ urgency=[a-z]+$ ]] || fail "changelog starts '$top'"
[[ ${BASH_REMATCH[1]} == "$version" || ${BASH_REMATCH[1]} == "$version"-* ]] ||
  fail "the changelog's latest entry is ${BASH_REMATCH[1]}, version.h says $version"
# dpkg reads it the same way, when dpkg-parsechangelog is installed (dpkg-dev).
if command -v dpkg-parsechangelog >/dev/null; then
  [[ $(dpkg-parsechangelog -l "$source/packaging/changelog" -S Version) == "${BASH_REMATCH[1]}" ]] ||
    fail "dpkg-parsechangelog reads another version"
fi
echo "version $version, commit $commit: OK"
