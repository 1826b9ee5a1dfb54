#!/usr/bin/env bash
# `plantar serve` under attack, on 127.0.0.1 only (issue 14): a normal client's
# latency while 1,000 slow connections are held open, chunked and header
# floods, Range abuse and deep JSON, with the server's peak memory (VmHWM)
# after each. Prints figures; never fails. Targets: p99 under 50 ms beside
# the slow connections; RSS under 200 MB throughout.
# Usage: bench/web_attack.sh [PLANTAR] [SECONDS]
set -euo pipefail
plantar=${1:-build/release/plantar}
seconds=${2:-5}
here=$(dirname "$0")
source "$(dirname "$0")/background.sh"

"$plantar" --db "$work/db" serve --port 0 --no-warm-up >"$work/serve.log" 2>&1 &
server=$!
pids+=($server)
for _ in $(seq 100); do grep -q "Ctrl-C" "$work/serve.log" && break; sleep 0.1; done
secret=$(grep -o 'http://[^ ]*token=[0-9a-f]*' "$work/serve.log" | head -1)
base=${secret%%/\?*}
port=${base##*:}
curl -sf -o /dev/null -c "$work/jar" "$secret"
cookie=$(awk '$6 == "plantar_session" {print "plantar_session=" $7}' "$work/jar")
token=$(curl -sf -b "$work/jar" "$base/api/session" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
rss() { awk '/VmRSS/ {r = $2} /VmHWM/ {h = $2} END {printf "RSS %d MB (peak %d MB)", r / 1024, h / 1024}' "/proc/$server/status"; }
echo "plantar serve on $base ($(nproc) cores); at start: $(rss)"

cat >"$work/learn.lua" <<LUA
wrk.headers["Cookie"] = "$cookie"
LUA
latency() {  # label, then wrk's URL; wrk with 1 thread and 4 connections, on the last core
  local pin=""
  (($(nproc) > 1)) && pin="taskset -c $(($(nproc) - 1))"
  $pin wrk -t1 -c4 -d"${seconds}s" --latency -s "$work/learn.lua" "$1" >"$work/wrk.txt"
  awk '/Requests\/sec/ {r = $2} $1 == "50%" {p50 = $2} $1 == "99%" {p99 = $2}
       END {printf "%s req/s, p50 %s, p99 %s", r, p50, p99}' "$work/wrk.txt"
  grep -E "Non-2xx|Socket errors" "$work/wrk.txt" | tr -s ' ' | sed 's/^/; /' | tr -d '\n' || true
}

echo "  normal client alone (GET /api/learn/goals):       $(latency "$base/api/learn/goals")"
python3 "$here/slow_clients.py" "$port" 1000 125 >"$work/slow.log" 2>&1 &
slow=$!
pids+=($slow)
for _ in $(seq 100); do grep -q "open" "$work/slow.log" && break; sleep 0.1; done
echo "  $(head -1 "$work/slow.log" | sed 's/slow_clients: //') slow connections (8 addresses); $(rss)"
echo "  normal client beside them:                         $(latency "$base/api/learn/goals")"
echo "  slow connections after ${seconds} s: $(tail -1 "$work/slow.log" | sed 's/slow_clients: //')"
kill "$slow" 2>/dev/null || true

# Four chunked bodies of 32 MB each, without a token; then with the token.
python3 - "$port" "$cookie" "$token" <<'PY'
import socket, sys
port, cookie, token = int(sys.argv[1]), sys.argv[2], sys.argv[3]
def flood(headers):
    s = socket.create_connection(("127.0.0.1", port))
    s.settimeout(5)
    s.sendall(("POST /api/journal HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
               "Content-Type: application/json\r\n" + headers + "\r\n").encode())
    piece = b"10000\r\n" + b"a" * 65536 + b"\r\n"
    sent = 0
    try:
        for _ in range(512):
            s.sendall(piece)
            sent += 65536
    except OSError:
        pass
    try:
        answer = s.recv(200).split(b"\r\n")[0].decode()
    except OSError:
        answer = "(closed)"
    s.close()
    return sent, answer or "(closed)"
for who, headers in (("no token", ""), ("cookie and token", f"Cookie: {cookie}\r\nX-Plantar-Token: {token}\r\n")):
    results = [flood(headers) for _ in range(4)]
    print(f"  4 chunked 32 MB POSTs, {who}: sent at most {max(r[0] for r in results) // 1024} KiB each before the server closed; "
          f"answer {results[0][1]}")
PY
echo "    $(rss)"

python3 - "$port" <<'PY'
import socket, sys
port = int(sys.argv[1])
s = socket.create_connection(("127.0.0.1", port))
s.settimeout(5)
try:
    s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    for i in range(300000):
        s.sendall(b"X-Filler-%d: a\r\n" % i)
except OSError:
    pass
try:
    answer = s.recv(200).split(b"\r\n")[0].decode() or "(closed)"
except OSError:
    answer = "(closed)"
print(f"  300,000 header lines: {answer}")
PY
many="bytes=0-$(printf ',0-%.0s' $(seq 1500))"
echo "  Range with 1,500 parts: $(curl -s -o /dev/null -w '%{http_code}, %{size_download} bytes' -H "Range: $many" "$base/")"
deep="{\"a\":$(head -c 60000 /dev/zero | tr '\0' '[')}"
echo "  60,000-deep JSON to /api/journal: $(curl -s -o /dev/null -w '%{http_code}' -b "$work/jar" -H "X-Plantar-Token: $token" \
  -H 'Content-Type: application/json' --data-binary "$deep" "$base/api/journal")"
echo "  at the end: $(rss) (target: under 200 MB)"
