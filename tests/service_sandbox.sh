#!/usr/bin/env bash
# Runs a command as plantar.service would run it, for tests on a machine
# without a systemd user manager: in a mount namespace of its own, every file
# system read-only (ProtectSystem=strict) but the data and cache folders
# (ReadWritePaths) and /dev, /proc, /sys, /run; a fresh /tmp (PrivateTmp);
# the service's environment. Needs root (CAP_SYS_ADMIN) and unshare(1).
# Usage: unshare -m --propagation private service_sandbox.sh HOME COMMAND...
# (its standard output must be opened outside, or / cannot become read-only).
set -euo pipefail
home=$1
shift
data="$home/.local/share/plantar" cache="$home/.cache/plantar"
mkdir -p -m 0700 "$data" "$cache"  # ExecStartPre, outside the sandbox
findmnt -rno TARGET | while read -r mount; do
  case $mount in /proc* | /dev* | /sys* | /run* | /mnt*) continue ;; esac
  mount -o remount,bind,ro "$mount"
done
for dir in "$data" "$cache"; do mount --bind "$dir" "$dir" && mount -o remount,bind,rw "$dir"; done
mount -t tmpfs -o mode=1777 tmpfs /tmp
cd /
exec env -i HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CACHE_HOME="$home/.cache" PATH=/usr/bin:/bin \
  ${LSAN_OPTIONS:+LSAN_OPTIONS="$LSAN_OPTIONS"} ${ASAN_OPTIONS:+ASAN_OPTIONS="$ASAN_OPTIONS"} "$@"
