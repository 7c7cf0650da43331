#!/usr/bin/env bash
# with-postgres.sh COMMAND...: runs COMMAND with PG_CONNINFO naming a real
# PostgreSQL server (Debian's postgresql: a throwaway cluster, initdb and
# pg_ctl as the postgres user, TCP on a free loopback port), then stops it and
# removes the cluster. Fails loudly when the server cannot start.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "with-postgres.sh: no PostgreSQL server installed (apt-get install postgresql)"; exit 1; }
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
dir=$(mktemp -d /tmp/orch-postgres-XXXXXX)  # not under $TMPDIR, which the postgres user may not enter
chmod 755 "$dir"
# (from $dir: the postgres user may not enter the caller's directory)
as_postgres() { if [ "$(id -u)" = 0 ]; then chown -R postgres "$dir"; (cd "$dir" && runuser -u postgres -- "$@"); else "$@"; fi; }
trap 'as_postgres "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$dir"' EXIT
as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust >"$dir/initdb.log" 2>&1 ||
  { echo "with-postgres.sh: initdb failed:"; cat "$dir/initdb.log"; exit 1; }
as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null ||
  { echo "with-postgres.sh: the server did not start:"; cat "$dir/server.log"; exit 1; }
PG_CONNINFO="host=127.0.0.1 port=$port user=postgres dbname=postgres" "$@"
