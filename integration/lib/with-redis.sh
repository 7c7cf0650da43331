#!/usr/bin/env bash
# with-redis.sh COMMAND...: runs COMMAND with REDIS_PORT set to a real
# redis-server listening on a free loopback port (no persistence), then stops
# it. Fails loudly when the server cannot start.
set -euo pipefail
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
dir=$(mktemp -d)
redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no --dir "$dir" >"$dir/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 100); do
  [ "$(redis-cli -p "$port" ping 2>/dev/null)" = PONG ] && break
  kill -0 $pid 2>/dev/null || { echo "with-redis.sh: redis-server did not start:"; cat "$dir/log"; exit 1; }
  sleep 0.05
done
[ "$(redis-cli -p "$port" ping 2>/dev/null)" = PONG ] || { echo "with-redis.sh: redis-server does not answer"; cat "$dir/log"; exit 1; }
REDIS_PORT=$port "$@"
