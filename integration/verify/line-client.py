#!/usr/bin/env python3
"""The workload of verify.server: N requests to the line server on
$ORCH_VERIFY_PORT, one connection each; prints `throughput: <n> req/s`."""
import os
import socket
import sys
import time

requests = int(sys.argv[1])
port = int(os.environ["ORCH_VERIFY_PORT"])
start = time.monotonic()
for i in range(requests):
    with socket.create_connection(("127.0.0.1", port)) as connection:
        connection.sendall(b"hello %d\n" % i)
        reply = connection.recv(256)
        if reply != b"HELLO %d\n" % i:
            sys.exit(f"request {i}: unexpected reply {reply!r}")
print(f"throughput: {requests / (time.monotonic() - start):.1f} req/s")
