#!/usr/bin/env python3
"""Scale-out: two `plantar serve --store ...` behind nginx, one PostgreSQL.

Signs up through nginx, writes a session through one server and reads it
through the other; then sends 500 journal writes through nginx (each with
an Idempotency-Key, retried until it gets a 201) and kills one server with
SIGKILL in the middle. Every key that got a 201 must be in the database
exactly once, and nginx must keep answering through the survivor.

Usage: scaleout_test.py PLANTAR URI_FILE   (URI_FILE: from scripts/with-postgres start)
Exit 0 passed, 1 failed, 77 skipped (no PostgreSQL or no nginx).
"""
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

WRITES = 500
KILL_AFTER = 120  # writes answered before one server is killed


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def with_database(uri, name):
    query = uri.find("?")
    slash = uri.rfind("/", 0, query if query >= 0 else len(uri))
    return uri[: slash + 1] + name + (uri[query:] if query >= 0 else "")


def psql(uri, sql):
    return subprocess.run(["psql", uri, "-tAc", sql], check=True, capture_output=True, text=True).stdout.strip()


class Browser:
    """One person's cookie and the store's CSRF token, sent to any port."""

    def __init__(self):
        self.cookie = ""
        self.token = ""

    def call(self, port, method, path, body=None, key=None, timeout=10):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        headers = {"X-Plantar-Token": self.token, "Content-Type": "application/json"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        if key:
            headers["Idempotency-Key"] = key
        try:
            conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
            res = conn.getresponse()
            data = res.read()
            set_cookie = res.getheader("Set-Cookie")
            if set_cookie and res.status < 300:
                self.cookie = set_cookie.split(";")[0]
            return res.status, data
        finally:
            conn.close()


def wait_ready(port, proc=None, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc is not None and proc.poll() is not None:
            raise SystemExit(f"server on {port} exited with {proc.returncode}")
        try:
            status, _ = Browser().call(port, "GET", "/api/session", timeout=2)
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"nothing answers on port {port}")


def nginx_config(work, port, upstreams):
    servers = "\n".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;" for p in upstreams)
    return f"""
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{ worker_connections 256; }}
http {{
  access_log off;
  client_body_temp_path {work}/tmp; proxy_temp_path {work}/tmp; fastcgi_temp_path {work}/tmp;
  uwsgi_temp_path {work}/tmp; scgi_temp_path {work}/tmp;
  upstream plantar {{
{servers}
  }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://plantar;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Real-IP $remote_addr;
      proxy_connect_timeout 2s;
      proxy_next_upstream error timeout;
    }}
  }}
}}
"""


def main():
    plantar, uri_file = sys.argv[1], sys.argv[2]
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(uri_file):
        print("SKIP: no PostgreSQL for the tests (scripts/with-postgres start wrote no URI)")
        return 77
    if not os.path.exists(nginx):
        print("SKIP: no nginx (install nginx-light)")
        return 77
    server_uri = open(uri_file).read().strip()
    name = f"scaleout_{os.getpid()}"
    psql(server_uri, f"CREATE DATABASE {name}")
    uri = with_database(server_uri, name)
    work = tempfile.mkdtemp(prefix="plantar-scaleout.")
    os.makedirs(f"{work}/tmp")
    os.chmod(work, 0o755)
    os.chmod(f"{work}/tmp", 0o777)
    procs = []
    try:
        ports = [free_port(), free_port()]
        servers = []
        for port in ports:
            log = open(f"{work}/server-{port}.log", "w")
            proc = subprocess.Popen(
                [plantar, "serve", "--store", uri, "--port", str(port), "--no-warm-up", "--https-proxy"],
                stdout=log, stderr=subprocess.STDOUT)
            servers.append(proc)
            procs.append(proc)
        for port, proc in zip(ports, servers):
            wait_ready(port, proc)
        front = free_port()
        with open(f"{work}/nginx.conf", "w") as f:
            f.write(nginx_config(work, front, ports))
        procs.append(subprocess.Popen([nginx, "-c", f"{work}/nginx.conf", "-g", "daemon off;"]))
        wait_ready(front)

        # Log in through nginx; write through one server, read through the other.
        ann = Browser()
        status, body = ann.call(front, "GET", "/api/session")
        ann.token = json.loads(body)["token"]
        status, body = ann.call(front, "POST", "/api/account", {"email": "ann@example.org", "password": "a long password"})
        assert status == 201, (status, body)
        status, body = ann.call(ports[0], "POST", "/api/journal", {"start": "2026-11-20 21:30", "note": "through one"})
        assert status == 201, (status, body)
        status, body = ann.call(ports[1], "GET", "/api/journal")
        notes = [s["note"] for s in json.loads(body)["sessions"]]
        assert status == 200 and notes == ["through one"], (status, notes)
        print("write through one server, read through the other: ok")

        # 500 writes through nginx, 4 at a time; one server dies on the way.
        answered = []  # keys that got a 201
        lock = threading.Lock()
        failures = []
        killed = threading.Event()

        def writer(first):
            for i in range(first, WRITES, 4):
                key = f"write-{i}"
                for attempt in range(10):
                    try:
                        status, body = ann.call(front, "POST", "/api/journal",
                                                {"start": "2026-11-21 07:00", "note": key}, key=key)
                    except OSError:
                        status = 0
                    if status == 201:
                        with lock:
                            answered.append(key)
                            if len(answered) == KILL_AFTER and not killed.is_set():
                                servers[0].send_signal(signal.SIGKILL)
                                killed.set()
                        break
                    time.sleep(0.05 * (attempt + 1))
                else:
                    failures.append(key)

        threads = [threading.Thread(target=writer, args=(i,)) for i in range(4)]
        started = time.time()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.time() - started
        assert killed.is_set(), "the server was never killed"
        servers[0].wait()
        assert not failures, f"{len(failures)} writes never got a 201: {failures[:5]}"
        print(f"{WRITES} writes with a server killed after {KILL_AFTER}: all got a 201 ({elapsed:.1f} s)")

        rows = psql(uri, "SELECT count(*) FROM sessions WHERE idempotency_key LIKE 'write-%'")
        twice = psql(uri, "SELECT count(*) FROM (SELECT idempotency_key FROM sessions "
                          "WHERE idempotency_key IS NOT NULL GROUP BY 1 HAVING count(*) > 1) t")
        stored = set(psql(uri, "SELECT idempotency_key FROM sessions WHERE idempotency_key IS NOT NULL").split())
        missing = [k for k in answered if k not in stored]
        assert twice == "0", f"{twice} keys stored more than once"
        assert not missing, f"{len(missing)} writes answered 201 are not in the database: {missing[:5]}"
        assert rows == str(WRITES) and len(set(answered)) == WRITES, (rows, len(set(answered)))
        print(f"every 201 is in the database exactly once ({rows} rows)")

        # nginx keeps answering through the survivor.
        for _ in range(20):
            status, body = ann.call(front, "GET", "/api/journal?last=5")
            assert status == 200, (status, body)
        status, body = ann.call(front, "GET", "/api/stats")
        assert status == 200 and json.loads(body)["sessions"] == WRITES + 1, (status, body[:200])
        print("nginx answers through the survivor: ok")
        return 0
    except AssertionError as e:
        print(f"FAILED: {e}")
        for log in sorted(os.listdir(work)):
            if log.endswith(".log"):
                print(f"--- {log}\n" + open(f"{work}/{log}").read()[-2000:])
        return 1
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
        shutil.rmtree(work, ignore_errors=True)
        try:
            psql(server_uri, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        except subprocess.CalledProcessError:
            pass


if __name__ == "__main__":
    sys.exit(main())
