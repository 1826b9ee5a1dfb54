#!/usr/bin/env bash
# Hosted mode under load: journal writes (POST /api/journal) and reads
# (GET /api/journal?last=20) per second with p50 and p99, through nginx, with
# one and then two `plantar serve --store` on one throwaway PostgreSQL
# (scripts/with-postgres). wrk, 2 threads, 32 connections. Each phase uses a
# new account whose journal starts with 200 imported sessions. Prints
# figures; never fails on a slow machine.
# Usage: bench/hosted_journal.sh [PLANTAR] [SECONDS]
set -euo pipefail
plantar=$(realpath "${1:-build/release/plantar}")
seconds=${2:-5}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/background.sh"
chmod 0755 "$work"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

"$here/../scripts/with-postgres" start "$work/pg.uri"
[[ -s $work/pg.uri ]] || { echo "hosted_journal: no PostgreSQL: nothing measured"; exit 0; }
stop_pg() { "$here/../scripts/with-postgres" stop "$work/pg.uri"; cleanup; }
trap stop_pg EXIT
server_uri=$(cat "$work/pg.uri")
psql "$server_uri" -qc "CREATE DATABASE bench"
uri=${server_uri/\/postgres\?/\/bench?}

start_server() {
  local port=$1
  "$plantar" serve --store "$uri" --port "$port" --no-warm-up >"$work/serve-$port.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 200); do grep -q "Ctrl-C" "$work/serve-$port.log" && return; sleep 0.1; done
  echo "the server on $port did not start:" >&2
  cat "$work/serve-$port.log" >&2
  exit 1
}

# nginx in front of the given ports; sets $front to its port (no subshell:
# the processes it starts must be this shell's, to be stopped at the end).
start_nginx() {
  local upstreams="" name=$1
  shift
  front=$(free_port)
  for port in "$@"; do upstreams+="server 127.0.0.1:$port;"; done
  mkdir -p "$work/nginx-$name"
  chmod 0777 "$work/nginx-$name"
  cat >"$work/nginx-$name.conf" <<CONF
worker_processes 1;
pid $work/nginx-$name.pid;
error_log $work/nginx-$name/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx-$name; proxy_temp_path $work/nginx-$name;
  fastcgi_temp_path $work/nginx-$name; uwsgi_temp_path $work/nginx-$name; scgi_temp_path $work/nginx-$name;
  upstream plantar { $upstreams keepalive 64; }
  server {
    listen 127.0.0.1:$front;
    location / { proxy_pass http://plantar; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
CONF
  nginx -c "$work/nginx-$name.conf" -g 'daemon off;' &
  pids+=($!)
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$front/api/session" -o /dev/null && break; sleep 0.1; done
}

# 200 sessions for an account, through the CLI's all-or-nothing import.
seed() {
  python3 - "$work/seed.json" <<'PY'
import json, sys
sessions = [{"start": f"2026-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}T21:30:00", "goals": ["sleep"],
             "before": {"stress": 6}, "after": {"stress": 3},
             "sore": [{"foot": "left", "region": "heel", "x": 0.5, "y": 0.5, "intensity": 5}]} for i in range(200)]
json.dump({"format": "plantar-journal", "version": 1, "sessions": sessions}, open(sys.argv[1], "w"))
PY
  "$plantar" import "$work/seed.json" --store "$uri" --account "$1" >/dev/null
}

measure() {  # label name front
  local label=$1 name=$2 front=$3 email="bench-$2@example.org" jar="$work/jar-$2"
  local base="http://127.0.0.1:$front" token cookie
  token=$(curl -sf "$base/api/session" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
  curl -sf -o /dev/null -c "$jar" -H "X-Plantar-Token: $token" -H 'Content-Type: application/json' \
    -d "{\"email\": \"$email\", \"password\": \"a long password\"}" "$base/api/account"
  cookie=$(awk '$6 == "plantar_account" {print "plantar_account=" $7}' "$jar")
  seed "$email"
  cat >"$work/write.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Plantar-Token"] = "$token"
wrk.headers["Cookie"] = "$cookie"
wrk.body = '{"start": "2026-11-20 21:30", "goals": ["sleep"], "before": {"stress": 6}, "after": {"stress": 3}}'
LUA
  cat >"$work/read.lua" <<LUA
wrk.headers["Cookie"] = "$cookie"
LUA
  for kind in read write; do
    local path="/api/journal?last=20"
    [[ $kind == write ]] && path="/api/journal"
    wrk -t2 -c32 -d"${seconds}s" --latency -s "$work/$kind.lua" "$base$path" >"$work/$name-$kind.txt"
    python3 - "$label" "$kind" "$work/$name-$kind.txt" <<'PY'
import re, sys
name, kind, path = sys.argv[1:]
text = open(path).read()
rps = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
def pct(p):
    m = re.search(rf"\s{p}%\s+([\d.]+\w+)", text)
    return m.group(1) if m else "?"
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(f"  {name:<12} {kind:<6} {float(rps):>9.0f} req/s   p50 {pct(50):>8}   p99 {pct(99):>8}"
      + (f"   ({non2xx.group(1)} errors)" if non2xx else ""))
PY
  done
}

echo "hosted journal, wrk 2 threads x 32 connections, ${seconds} s each (taken under whatever load the machine has)"
one=$(free_port)
start_server "$one"
start_nginx one "$one"
measure "1 server" one "$front"
two=$(free_port)
start_server "$two"
start_nginx two "$one" "$two"
measure "2 servers" two "$front"
echo "  sessions stored: $(psql "$uri" -tAc 'SELECT count(*) FROM sessions')"
