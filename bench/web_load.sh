#!/usr/bin/env bash
# Load test of `plantar serve` with wrk (64 connections): POST /api/plan and
# a static asset, with nginx serving the same asset in the same run for
# comparison. Prints figures; never fails on a slow machine.
# Targets (issue 5): /api/plan p99 under 5 ms; static throughput at least
# 0.7x nginx's (issue 14). Usage: bench/web_load.sh [PLANTAR] [SECONDS]
set -euo pipefail
plantar=${1:-build/release/plantar}
seconds=${2:-5}
dist=$(realpath "$(dirname "$plantar")/web-dist")
source "$(dirname "$0")/background.sh"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The wrk scripts: the same body, and varied bodies.
wrk_scripts() {  # token, cookie
  local token=$1 cookie=$2
  cat >"$work/plan.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"goals": ["plantar_fasciitis", "relax"], "minutes": 20, "tools": ["tennis_ball"], "conditions": [{"id": "diabetes"}]}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Plantar-Token"] = "$token"
wrk.headers["Cookie"] = "$cookie"
LUA

  # Varied bodies (8,526 different requests): mostly cache misses, so the
  # planner and the JSON writer run for nearly every request.
  cat >"$work/varied.lua" <<LUA
local goals = {"relax", "sleep", "circulation", "desk_stiffness", "plantar_fasciitis", "runner_recovery", "general"}
local feet = {"both", "left", "right"}
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Plantar-Token"] = "$token"
wrk.headers["Cookie"] = "$cookie"
request = function()
  local body = string.format('{"goals": ["%s", "%s"], "minutes": %d, "feet": "%s"}',
    goals[math.random(7)], goals[math.random(7)], math.random(3, 60), feet[math.random(3)])
  return wrk.format("POST", nil, nil, body)
end
LUA
}

# plantar, started by start_plantar [COMMAND THAT PLACES IT]: sets server_pid,
# base, asset, and the wrk scripts plan.lua and varied.lua with its sign-in.
start_plantar() {
  $1 "$plantar" serve --port 0 --no-warm-up >"$work/serve.log" 2>&1 &
  pids+=($!)
  server_pid=$!
  for _ in $(seq 100); do grep -q "Ctrl-C" "$work/serve.log" && break; sleep 0.1; done
  # Sign in with the secret address it printed, as a browser would.
  local secret cookie token
  secret=$(grep -o 'http://[^ ]*token=[0-9a-f]*' "$work/serve.log" | head -1)
  base=${secret%%/\?*}
  curl -sf -o /dev/null -c "$work/jar" "$secret"
  cookie=$(awk '$6 == "plantar_session" {print "plantar_session=" $7}' "$work/jar")
  token=$(curl -sf -b "$work/jar" "$base/api/session" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
  asset=$(curl -sf "$base/" | grep -o '/assets/[^"]*\.js' | head -1)
  wrk_scripts "$token" "$cookie"
}
restart_plantar() {  # [COMMAND THAT PLACES IT]
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  start_plantar "$1"
}
start_plantar ""

# nginx, serving the same file from the build's web-dist
nginx_port=$(free_port)
mkdir -p "$work/nginx"
cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  include /etc/nginx/mime.types;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  server { listen 127.0.0.1:$nginx_port; root $dist; }
}
CONF
nginx -c "$work/nginx.conf" -g 'daemon off;' &
pids+=($!)
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$nginx_port$asset" -o /dev/null && break; sleep 0.1; done

# CPU time (user + system) a process has used, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

run() {  # key, label, wrk args... ($pin: the command that places wrk)
  local name=$1 label=$2
  shift 2
  local before after
  before=$(cpu_ticks "$server_pid")
  $pin wrk $wrk_threads -c64 -d"${seconds}s" --latency "$@" >"$work/$name.txt"
  after=$(cpu_ticks "$server_pid")
  local rps p50 p99 requests cpu
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/$name.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$work/$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/$name.txt")
  # The server's CPU per answer: what the figures above cost, whatever the load.
  requests=$(awk '/requests in/ {print $1}' "$work/$name.txt")
  cpu=$(python3 -c "import os, sys; print(round((int(sys.argv[2]) - int(sys.argv[1])) / os.sysconf('SC_CLK_TCK') / max(1, int(sys.argv[3])) * 1e6))" \
    "$before" "$after" "$requests")
  printf '  %-34s %10s req/s   p50 %-9s p99 %-9s server CPU %s µs/request\n' "$label" "$rps" "$p50" "$p99" "$cpu"
  grep -E "Non-2xx|Socket errors" "$work/$name.txt" | sed 's/^/      /' || true
  echo "$rps" >"$work/$name.rps"
}

pin="" wrk_threads=-t2
echo "wrk, 2 threads, 64 connections, ${seconds} s each ($(nproc) cores)"
run plan "plantar POST /api/plan (same)" -s "$work/plan.lua" "$base/api/plan"
run varied "plantar POST /api/plan (varied)" -s "$work/varied.lua" "$base/api/plan"
# On a small machine wrk's own threads take the server's cores: the same
# load again with wrk on its own core (one thread on the last core) and a
# plantar kept off that core (started again under taskset; it runs one
# event loop for each core it may use).
if (($(nproc) > 1)); then
  last=$(($(nproc) - 1))
  others=$( ((last == 1)) && echo "core 0" || echo "cores 0-$((last - 1))")
  restart_plantar "taskset -c 0-$((last - 1))"
  pin="taskset -c $last" wrk_threads=-t1
  echo "wrk, 1 thread on core $last, 64 connections; plantar on $others"
  run plan1 "plantar POST /api/plan (same)" -s "$work/plan.lua" "$base/api/plan"
  run varied1 "plantar POST /api/plan (varied)" -s "$work/varied.lua" "$base/api/plan"
  restart_plantar ""
  pin="" wrk_threads=-t2
  echo "wrk, 2 threads, 64 connections"
fi
run static "plantar static $(basename "$asset")" "$base$asset"
run nginx "nginx static (same file)" "http://127.0.0.1:$nginx_port$asset"
ratio=$(python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" \
  "$(cat "$work/static.rps")" "$(cat "$work/nginx.rps")")
echo "  static throughput, plantar / nginx: $ratio (target: at least 0.7)"
echo "  target for /api/plan: p99 under 5 ms with wrk on its own core (same: answered from the reply cache; varied: computed)"
