#!/usr/bin/env bash
# The Debian package, as someone would get it: cpack builds it from this
# build tree, dpkg-deb -x unpacks it into a temporary root, and the unpacked
# programs run (--version, plan, and serve answering / on 127.0.0.1). The
# man pages, completions and the user service are where the package says,
# the service passes systemd-analyze verify, and lintian finds no error.
# Usage: package_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd) source=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d -p "$build" package-test.XXXXXX)  # not in /tmp: the service sandbox hides it
server=""
cleanup() {
  [[ -z $server ]] || kill "$server" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

version=$(sed -n 's/.*version = "\([0-9.]*\)".*/\1/p' "$source/include/plantar/version.h")
(cd "$build" && cpack -G DEB -B "$tmp/out" >"$tmp/cpack.log" 2>&1) || { cat "$tmp/cpack.log" >&2; fail "cpack failed"; }
deb="$tmp/out/plantar_${version}_amd64.deb"
[[ -f $deb ]] || fail "no $(basename "$deb") in $(ls "$tmp/out")"

# The control fields, Depends read from the linked libraries.
info=$(dpkg-deb -f "$deb")
for field in Package Version Architecture Maintainer Section Description Depends; do
  grep -q "^$field: ." <<<"$info" || fail "the package has no $field field"
done
[[ $(dpkg-deb -f "$deb" Version) == "$version" ]] || fail "the package's version is not $version"
grep -q "^Depends: .*libc6" <<<"$info" || fail "Depends does not name libc6: shlibdeps did not run"

# Where the package says everything is.
root="$tmp/root"
dpkg-deb -x "$deb" "$root"
listed=$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|')
for path in /usr/bin/plantar /usr/bin/plantar-full \
  /usr/share/man/man1/plantar.1.gz /usr/share/man/man1/plantar-plan.1.gz \
  /usr/share/man/man1/plantar-places-near.1.gz /usr/share/man/man1/plantar-full.1.gz \
  /usr/share/bash-completion/completions/plantar /usr/share/zsh/vendor-completions/_plantar \
  /usr/share/fish/vendor_completions.d/plantar.fish /usr/lib/systemd/user/plantar.service \
  /usr/share/doc/plantar/copyright /usr/share/doc/plantar/changelog.gz; do
  grep -qx "$path" <<<"$listed" || fail "the package lists no $path"
  [[ -e $root$path ]] || fail "$path is not in the unpacked package"
done
# Nothing in the package points into the build tree or the sources.
if grep -rlF -e "$build" -e "$(cd "$source" && pwd)" "$root/usr/share" "$root/usr/lib"; then
  fail "files above name the build folder"
fi
MANWIDTH=80 man -l "$root/usr/share/man/man1/plantar-plan.1.gz" | grep -q -- "--goal" ||
  fail "plantar-plan(1) does not render from the package"
zcat "$root/usr/share/doc/plantar/changelog.gz" | head -1 | grep -q "^plantar ($version" ||
  fail "the packaged changelog does not start with $version"

# The unpacked programs run, from wherever they are (HOME is a fresh folder).
export HOME="$tmp/home" XDG_DATA_HOME="" XDG_CACHE_HOME=""
mkdir -p "$HOME"
plantar="$root/usr/bin/plantar"
[[ $("$plantar" --version) == "plantar $version (commit "* ]] || fail "--version printed '$("$plantar" --version)'"
"$plantar" plan --goal sleep --minutes 5 >"$tmp/plan.txt" || fail "plan failed"
grep -qi "sleep" "$tmp/plan.txt" || fail "plan printed no routine for sleep"
"$plantar" serve --port 0 --no-auth --no-warm-up >"$tmp/serve.txt" 2>&1 &
server=$!
url=""
for _ in $(seq 1 300); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$tmp/serve.txt" || true)
  [[ -n $url ]] && break
  kill -0 "$server" 2>/dev/null || { cat "$tmp/serve.txt" >&2; fail "serve stopped"; }
  sleep 0.1
done
[[ -n $url ]] || { cat "$tmp/serve.txt" >&2; fail "serve printed no address"; }
page=$(curl -sf --max-time 10 "$url") || fail "no answer from $url"
grep -qi "<html" <<<"$page" || fail "$url answered without the web app"
kill "$server"
wait "$server" || true
server=""

# The user service: systemd reads it (the programs' path put in the unpacked root).
unit="$root/usr/lib/systemd/user/plantar.service"
grep -qxF 'ExecStart="/usr/bin/plantar" serve --host 127.0.0.1' "$unit" || fail "the service does not run /usr/bin/plantar serve"
for line in Restart=on-failure NoNewPrivileges=yes ProtectSystem=strict PrivateTmp=yes \
  "ReadWritePaths=%h/.local/share/plantar %h/.cache/plantar"; do
  grep -qx "$line" "$unit" || fail "the service lacks '$line'"
done
if command -v systemd-analyze >/dev/null; then
  sed "s|/usr/bin/plantar|$root/usr/bin/plantar|" "$unit" >"$tmp/plantar.service"
  said=$(systemd-analyze verify --man=no "$tmp/plantar.service" 2>&1) || fail "systemd-analyze: $said"
  [[ -z $said ]] || fail "systemd-analyze: $said"
else
  echo "systemd-analyze is not installed: the service is not verified" >&2
fi

# The service's own command in a sandbox like the unit's (as root, where
# mount namespaces work): it starts, answers its secret address, and writes
# its journal and caches in the only folders it may write.
if [[ $(id -u) -eq 0 ]] && unshare -m --propagation private true 2>/dev/null; then
  command=$(sed -n 's/^ExecStart=//p' "$unit" | sed "s|\"/usr/bin/plantar\"|$root/usr/bin/plantar|")
  home="$tmp/service-home"
  # shellcheck disable=SC2086  # the unit's command line, split as systemd splits it (no quotes left)
  unshare -m --propagation private "$source/tests/service_sandbox.sh" "$home" $command --port 0 \
    >"$tmp/service.txt" 2>&1 &
  server=$!
  url=""
  for _ in $(seq 1 300); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/?token=[0-9a-f]*' "$tmp/service.txt" || true)
    [[ -n $url ]] && break
    kill -0 "$server" 2>/dev/null || { cat "$tmp/service.txt" >&2; fail "the service stopped"; }
    sleep 0.1
  done
  [[ -n $url ]] || { cat "$tmp/service.txt" >&2; fail "the service printed no secret address"; }
  jar="$tmp/cookies"
  curl -sf --max-time 10 -c "$jar" -b "$jar" -L "$url" | grep -qi "<html" || fail "the service's address gave no web app"
  base=${url%%/?token=*}
  token=$(curl -sf --max-time 10 -b "$jar" "$base/api/session" | sed -n 's/.*"token": *"\([0-9a-f]*\)".*/\1/p')
  [[ -n $token ]] || fail "the service gave no session token"
  status=$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' -b "$jar" -H "X-Plantar-Token: $token" \
    -H 'Content-Type: application/json' -d '{"before": {"stress": 6}, "after": {"stress": 3}}' "$base/api/journal")
  [[ $status == 201 ]] || { cat "$tmp/service.txt" >&2; fail "the service could not write the journal ($status)"; }
  kill "$server"
  wait "$server" || true
  server=""
  [[ -f $home/.local/share/plantar/journal.db ]] || fail "the journal is not in ~/.local/share/plantar"
  others=$(find "$home" -type f ! -path "$home/.local/share/plantar/*" ! -path "$home/.cache/plantar/*")
  [[ -z $others ]] || fail "the service wrote outside its folders: $others"
else
  echo "not root or no mount namespaces: the service's sandbox is not tried" >&2
fi

# cmake --install puts the same files under any prefix, the service naming it.
prefix="$tmp/prefix with space"
cmake --install "$build" --prefix "$prefix" >/dev/null || fail "cmake --install failed"
for path in bin/plantar bin/plantar-full share/man/man1/plantar-serve.1.gz share/bash-completion/completions/plantar \
  share/zsh/vendor-completions/_plantar share/fish/vendor_completions.d/plantar.fish \
  lib/systemd/user/plantar.service share/doc/plantar/changelog.gz; do
  [[ -e $prefix/$path ]] || fail "cmake --install put no $path under the prefix"
done
grep -qxF "ExecStart=\"$prefix/bin/plantar\" serve --host 127.0.0.1" "$prefix/lib/systemd/user/plantar.service" ||
  fail "the service installed under a prefix does not run that prefix's plantar"
if command -v systemd-analyze >/dev/null; then
  said=$(systemd-analyze verify --man=no "$prefix/lib/systemd/user/plantar.service" 2>&1) || fail "systemd-analyze: $said"
  [[ -z $said ]] || fail "systemd-analyze (prefix): $said"
fi
"$prefix/bin/plantar" --version >/dev/null || fail "the program installed under a prefix does not run"

# lintian: no error (warnings are listed, not failed).
command -v lintian >/dev/null || fail "lintian is not installed (scripts/install-deps)"
lintian --tag-display-limit 0 "$deb" >"$tmp/lintian.txt" 2>&1 || true
cat "$tmp/lintian.txt"
! grep -q "^E: " "$tmp/lintian.txt" || fail "lintian found errors"
echo "package $(basename "$deb"): OK"
