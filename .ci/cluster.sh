#!/usr/bin/env bash
# Quire on more than one machine, on this one: a PostgreSQL primary and its streaming
# replica, pgbouncer in front of both, Redis for cache, sessions, rate limits and tasks,
# two app servers (`quire serve`, A and B) behind haproxy, and the background worker,
# each on its own loopback port. Then .ci/cluster_check.py proves over real HTTP that
#   1. a work posted through server A appears in search on server B;
#   2. with the replica's replay paused, a reader's own comment is shown to them at once
#      (they read from the primary) while another guest, reading the replica, doesn't see it yet;
#   3. killing an app server in the middle of a write load loses no write that was answered.
# Everything is torn down at the end, whatever happened. Needs the PostgreSQL server
# binaries (initdb, pg_ctl, pg_basebackup), pgbouncer, haproxy and a Redis server on
# 127.0.0.1:6379 (its db QUIRE_CLUSTER_REDIS_DB, default 7, is emptied first).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

PG_PRIMARY=${QUIRE_CLUSTER_PG_PORT:-5560}
PG_REPLICA=$((PG_PRIMARY + 1))
PGBOUNCER=$((PG_PRIMARY + 2))
HAPROXY=${QUIRE_CLUSTER_HTTP_PORT:-8160}
APP_A=$((HAPROXY + 1))
APP_B=$((HAPROXY + 2))
STATS=$((HAPROXY + 3))  # haproxy's own counters: retries, redispatches, servers down
REDIS_DB=${QUIRE_CLUSTER_REDIS_DB:-7}
# The server binaries: initdb on the PATH, else Debian's newest /usr/lib/postgresql/N/bin.
PGBIN=${QUIRE_CLUSTER_PGBIN:-}
if [ -z "$PGBIN" ] && command -v initdb >/dev/null 2>&1; then
  PGBIN=$(dirname "$(readlink -f "$(command -v initdb)")")
fi
[ -n "$PGBIN" ] || PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
PY=.venv/bin/python
[ -x "$PY" ] || { echo "FAIL: run make install first (no $PY)"; exit 1; }

for tool in "$PGBIN/initdb" "$PGBIN/pg_ctl" "$PGBIN/pg_basebackup" pgbouncer haproxy redis-cli; do
  command -v "$tool" >/dev/null 2>&1 || { echo "FAIL: $tool is not installed"; exit 1; }
done

# PostgreSQL and pgbouncer refuse to run as root: run them as the postgres user then.
as_db() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# In memory when the machine has /dev/shm: two database clusters written and removed on a
# busy disk cost more time than everything else here.
tmp_root=${QUIRE_CLUSTER_TMP:-/dev/shm}
[ -d "$tmp_root" ] && [ -w "$tmp_root" ] || tmp_root=/tmp
work=$(mktemp -d "$tmp_root/quire-cluster.XXXXXX")
chmod 755 "$work"
mkdir -p "$work/sock" "$work/pgbouncer" "$work/a" "$work/b" "$work/worker" "$work/logs"
[ "$(id -u)" = 0 ] && chown postgres "$work" "$work/sock" "$work/pgbouncer"

pids=()
teardown() {
  local rc=$? down
  set +e
  down=$(date +%s)
  for pid in "${pids[@]}"; do
    # Each app server and the worker run in a process group of their own: stop the group
    # (gracefully: requests in progress finish), then the services under them.
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && echo "(process $pid still running after $(( $(date +%s) - down )) s: killed)"
    kill -KILL -- "-$pid" 2>/dev/null
  done
  [ -f "$work/haproxy.pid" ] && kill "$(cat "$work/haproxy.pid")" 2>/dev/null
  [ -f "$work/pgbouncer/pgbouncer.pid" ] && kill "$(cat "$work/pgbouncer/pgbouncer.pid")" 2>/dev/null
  for node in replica primary; do
    [ -f "$work/$node/postmaster.pid" ] && as_db "$PGBIN/pg_ctl" -D "$work/$node" -m immediate stop >/dev/null 2>&1
  done
  redis-cli -n "$REDIS_DB" flushdb >/dev/null 2>&1
  if [ "$rc" -ne 0 ]; then
    echo "--- last lines of each log ($work/logs) ---"
    for f in "$work"/logs/* "$work"/*.log; do [ -f "$f" ] && { echo "== $f"; tail -n 15 "$f"; }; done
  fi
  rm -rf "$work"
  echo "Torn down in $(( $(date +%s) - down )) s"
  echo "Cluster job finished in $(( $(date +%s) - started )) s (rc=$rc)"
  exit "$rc"
}
trap teardown EXIT

step() { printf '==> [%3d s] %s\n' "$(( $(date +%s) - started ))" "$*"; }
wait_for_http() {  # url seconds
  local deadline=$(( $(date +%s) + $2 ))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "FAIL: $1 did not answer within $2 s"; return 1; }
    sleep 0.2
  done
}

step "PostgreSQL primary on $PG_PRIMARY and streaming replica on $PG_REPLICA ($work)"
as_db "$PGBIN/initdb" -D "$work/primary" -U postgres --auth=trust -E UTF8 --no-sync >"$work/logs/initdb" 2>&1
cat >>"$work/primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PRIMARY
unix_socket_directories = '$work/sock'
wal_level = replica
max_wal_senders = 4
hot_standby = on
# A throw-away cluster: durability against power loss is not what is being shown.
fsync = off
full_page_writes = off
EOF
as_db "$PGBIN/pg_ctl" -D "$work/primary" -l "$work/primary.log" -w start >/dev/null
as_db "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PRIMARY" -U postgres quire
as_db "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PG_PRIMARY" -U postgres -D "$work/replica" -R -X stream -c fast --no-sync
echo "port = $PG_REPLICA" >>"$work/replica/postgresql.conf"
as_db "$PGBIN/pg_ctl" -D "$work/replica" -l "$work/replica.log" -w start >/dev/null
as_db "$PGBIN/psql" -h 127.0.0.1 -p "$PG_REPLICA" -U postgres -Atc "SELECT 'replica in recovery: ' || pg_is_in_recovery()"

step "pgbouncer on $PGBOUNCER (transaction pooling; Quire told with QUIRE_DB_TRANSACTION_POOLING)"
# Transaction pooling shares a few server connections among all app threads, which is why
# pgbouncer is there; it is safe for Quire because QUIRE_DB_TRANSACTION_POOLING turns off
# Django's server-side cursors (a cursor opened in one transaction's server connection and
# read in another's would fail) and Quire keeps no other state on a connection (no
# advisory locks, LISTEN or SET; the time zone is one of the parameters pgbouncer tracks).
echo '"postgres" ""' >"$work/pgbouncer/users.txt"
cat >"$work/pgbouncer/pgbouncer.ini" <<EOF
[databases]
quire = host=127.0.0.1 port=$PG_PRIMARY dbname=quire
quire_replica = host=127.0.0.1 port=$PG_REPLICA dbname=quire
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PGBOUNCER
unix_socket_dir =
auth_type = trust
auth_file = $work/pgbouncer/users.txt
pool_mode = transaction
max_client_conn = 400
default_pool_size = 20
ignore_startup_parameters = extra_float_digits
logfile = $work/pgbouncer/pgbouncer.log
pidfile = $work/pgbouncer/pgbouncer.pid
EOF
[ "$(id -u)" = 0 ] && chown postgres "$work/pgbouncer"/*
as_db pgbouncer -d "$work/pgbouncer/pgbouncer.ini"

step "Redis db $REDIS_DB (emptied) for cache, sessions, rate limits and tasks"
redis-cli -n "$REDIS_DB" flushdb >/dev/null

export QUIRE_DATABASE_URL="postgres://postgres@127.0.0.1:$PGBOUNCER/quire"
export QUIRE_REPLICA_URL="postgres://postgres@127.0.0.1:$PGBOUNCER/quire_replica"
export QUIRE_DB_TRANSACTION_POOLING=true
export QUIRE_REDIS_URL="redis://127.0.0.1:6379/$REDIS_DB"
export QUIRE_TASKS_REDIS_URL="redis://127.0.0.1:6379/$REDIS_DB"
export QUIRE_SECRET_KEY="cluster-ci-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export QUIRE_SITE_URL="http://127.0.0.1:$HAPROXY"
export QUIRE_WEB_WORKERS=2
export QUIRE_COMMENT_RATE=100000  # the load is many comments from few readers
export QUIRE_LOG_LEVEL=WARNING
export PYTHONUNBUFFERED=1

step "Migrations, on the primary directly (not through the pooler)"
QUIRE_DATA_DIR="$work/worker" QUIRE_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PRIMARY/quire" \
  QUIRE_REPLICA_URL= .venv/bin/quire migrate --no-input >"$work/logs/migrate" 2>&1
# The check's accounts are made while the servers start (each takes seconds on a busy machine).
QUIRE_DATA_DIR="$work/worker" $PY .ci/cluster_check.py setup >"$work/logs/setup" 2>&1 &
setup_pid=$!

step "Background worker, app servers A on $APP_A and B on $APP_B, haproxy on $HAPROXY; the check's accounts"
QUIRE_DATA_DIR="$work/worker" setsid .venv/bin/quire rqworker --with-scheduler default \
  >"$work/logs/worker" 2>&1 &
pids+=($!); disown
QUIRE_DATA_DIR="$work/a" setsid .venv/bin/quire serve --no-worker --addr "127.0.0.1:$APP_A" >"$work/logs/a" 2>&1 &
pid_a=$!
pids+=($pid_a); disown
QUIRE_DATA_DIR="$work/b" setsid .venv/bin/quire serve --no-worker --addr "127.0.0.1:$APP_B" >"$work/logs/b" 2>&1 &
pids+=($!); disown
cat >"$work/haproxy.cfg" <<EOF
global
  maxconn 2000
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  # A connection that fails (the server is gone) is tried again on the other server: the
  # request never reached an app, so even a POST is safe to send again. A request that did
  # reach a server that then died is not retried (it may have been written): the client
  # gets a 502 and decides.
  retries 3
  option redispatch 1
  retry-on conn-failure
listen stats
  bind 127.0.0.1:$STATS
  stats enable
  stats uri /stats
frontend web
  bind 127.0.0.1:$HAPROXY
  default_backend apps
backend apps
  balance roundrobin
  option httpchk
  http-check send meth GET uri /healthz
  server a 127.0.0.1:$APP_A check inter 500 fall 2 rise 2
  server b 127.0.0.1:$APP_B check inter 500 fall 2 rise 2
EOF
haproxy -f "$work/haproxy.cfg" -D -p "$work/haproxy.pid" >"$work/logs/haproxy" 2>&1
wait_for_http "http://127.0.0.1:$APP_A/healthz" 60
wait_for_http "http://127.0.0.1:$APP_B/healthz" 60
wait_for_http "http://127.0.0.1:$HAPROXY/healthz" 10
wait "$setup_pid" || { echo "FAIL: making the check's accounts"; cat "$work/logs/setup"; exit 1; }
cat "$work/logs/setup"
step "All up"

step "The claims"
QUIRE_DATA_DIR="$work/worker" $PY .ci/cluster_check.py prove \
  --proxy "http://127.0.0.1:$HAPROXY" --server-a "http://127.0.0.1:$APP_A" --server-b "http://127.0.0.1:$APP_B" \
  --haproxy-stats "http://127.0.0.1:$STATS/stats;csv" \
  --server-a-pid "$pid_a" --replica "postgres://postgres@127.0.0.1:$PG_REPLICA/quire" \
  --primary "postgres://postgres@127.0.0.1:$PG_PRIMARY/quire"
