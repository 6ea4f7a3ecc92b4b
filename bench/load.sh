#!/usr/bin/env bash
# Load benchmark: one and then two portal instances on one PostgreSQL database,
# under a mixed load of public pages and the complaint form (bench/load-mix.lua: 7 public
# pages, the form and one filed complaint per 10 requests). Reports per run: requests/s, p99
# latency, errors, portal CPU ms per request (the instances' /proc CPU time delta / requests)
# and database work per request: SQL statements (the portal's portal_db_statements_total,
# counted by a Hibernate StatementInspector) and transactions (pg_stat_database xact_commit +
# xact_rollback of the bench database).
#
#   bench/load.sh                      # 60 s per run, 2 threads and 32 connections per instance
#   DURATION=30s CONNECTIONS=16 bench/load.sh
#
# Needs: a local PostgreSQL and the right to create the database portal_bench (run as root: it
# uses `su postgres`; or set PGADMIN="psql -U postgres -h localhost"); wrk (installed from
# Debian's package if missing). The bench database is dropped and created afresh on each run.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-60s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
PG_HOST=${PG_HOST:-localhost}
PG_USER=${PG_USER:-portal}
PG_PASSWORD=${PG_PASSWORD:-portal}
BENCH_DB=${BENCH_DB:-portal_bench}
HEAP=${HEAP:-512m}

if ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
if [ ! -f target/privacy-portal.jar ]; then
  ./mvnw -B -q package -DskipTests
fi

admin() {
  if [ -n "${PGADMIN:-}" ]; then $PGADMIN -v ON_ERROR_STOP=1 -qc "$1"; else su postgres -c "psql -v ON_ERROR_STOP=1 -qc \"$1\""; fi
}
sql() {
  PGPASSWORD=$PG_PASSWORD psql -h "$PG_HOST" -U "$PG_USER" -d "$BENCH_DB" -Atqc "$1"
}

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

cpu_ticks() { # utime + stime of the given pids, in clock ticks
  local total=0
  for pid in "$@"; do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}
metric() { # sum of a Prometheus series over the given metrics ports
  local total=0
  for port in "$@"; do
    v=$(curl -fs "http://127.0.0.1:$port/metrics" | awk -v name="$METRIC" '$1 == name {printf "%.0f", $2}')
    total=$((total + ${v:-0}))
  done
  echo "$total"
}

run() { # run <instances>
  local n=$1
  admin "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)"
  admin "CREATE DATABASE $BENCH_DB OWNER $PG_USER"
  rm -rf "$work/keys" "$work/erasure-journal"
  pids=()
  local ports=() metrics=()
  for i in $(seq 1 "$n"); do
    local port=$((18100 + i)) mport=$((19100 + i))
    PORTAL_PORT=$port PORTAL_METRICS_PORT=$mport PORTAL_DATA_DIR="$work/data$i" PORTAL_KEY_DIR="$work/keys" \
      PORTAL_POLICIES_DIR="$PWD/policies" PORTAL_DB_URL="jdbc:postgresql://$PG_HOST:5432/$BENCH_DB" \
      PORTAL_DB_USER=$PG_USER PORTAL_DB_PASSWORD=$PG_PASSWORD \
      PORTAL_COMPLAINT_LIMIT_PER_ADDRESS=100000 PORTAL_COMPLAINT_LIMIT_PER_EMAIL=1000 \
      java -Xmx$HEAP -jar target/privacy-portal.jar >"$work/portal$i.log" 2>&1 &
    pids+=($!)
    ports+=("$port")
    metrics+=("$mport")
    local ready=no
    for _ in $(seq 1 180); do # the first instance creates the keys the second one reads
      if curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then ready=yes; break; fi
      sleep 1
    done
    if [ $ready = no ]; then
      echo "instance $i did not start:" >&2
      tail -n 30 "$work/portal$i.log" >&2
      exit 1
    fi
  done
  # Warm-up (JIT, page cache, pool), then the measured run against every instance at once.
  for port in "${ports[@]}"; do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d10s --timeout 10s -s bench/load-mix.lua "http://127.0.0.1:$port" >/dev/null &
  done
  wait_wrk
  local load_before cpu_before stmts_before xacts_before
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  cpu_before=$(cpu_ticks "${pids[@]}")
  stmts_before=$(METRIC=portal_db_statements_total metric "${metrics[@]}")
  xacts_before=$(sql "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '$BENCH_DB'")
  local complaints_before
  complaints_before=$(sql "SELECT count(*) FROM complaint")
  for i in $(seq 1 "$n"); do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s bench/load-mix.lua \
      "http://127.0.0.1:${ports[$((i - 1))]}" >"$work/wrk$i.txt" &
  done
  wait_wrk
  local cpu_after stmts_after xacts_after load_after complaints_after
  cpu_after=$(cpu_ticks "${pids[@]}")
  stmts_after=$(METRIC=portal_db_statements_total metric "${metrics[@]}")
  sleep 1 # pg_stat counters are flushed at most once a second
  xacts_after=$(sql "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '$BENCH_DB'")
  complaints_after=$(sql "SELECT count(*) FROM complaint")
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)

  local requests=0 rps=0 errors=0 p99s=""
  for i in $(seq 1 "$n"); do
    cat "$work/wrk$i.txt" >&2
    r=$(awk '/requests in/ {print $1}' "$work/wrk$i.txt")
    requests=$((requests + r))
    rps=$(awk -v a="$rps" '/Requests\/sec/ {printf "%.0f", a + $2}' "$work/wrk$i.txt")
    e=$(awk '/Non-2xx or 3xx/ {s += $NF} /Socket errors/ {gsub(",", ""); s += $4 + $6 + $8 + $10} END {print s + 0}' "$work/wrk$i.txt")
    errors=$((errors + e))
    p99s="$p99s $(awk '$1 == "99%" {print $2}' "$work/wrk$i.txt")"
  done
  local hz cpu_ms
  hz=$(getconf CLK_TCK)
  cpu_ms=$(awk -v t=$((cpu_after - cpu_before)) -v hz="$hz" -v r="$requests" 'BEGIN {printf "%.2f", t * 1000 / hz / r}')
  echo "== $n instance(s), $THREADS threads x $CONNECTIONS connections each, $DURATION"
  echo "requests: $requests, requests/s: $rps, p99 latency per instance:$p99s, errors: $errors"
  echo "complaints filed: $((complaints_after - complaints_before))"
  echo "portal CPU per request: $cpu_ms ms"
  echo "SQL statements per request: $(awk -v s=$((stmts_after - stmts_before)) -v r="$requests" 'BEGIN {printf "%.2f", s / r}')"
  echo "DB transactions per request: $(awk -v s=$((xacts_after - xacts_before)) -v r="$requests" 'BEGIN {printf "%.2f", s / r}')"
  echo "load average before: $load_before, after: $load_after"
  echo "statuses in the portals' request logs (whole run, warm-up included):"
  cat "$work"/portal*.log | awk '/privacyportal.request - / {for (i = 1; i <= NF; i++) if ($i == "-") {print $(i + 1), $(i + 3)}}' \
    | sort | uniq -c | sort -rn | head -n 12
  for pid in "${pids[@]}"; do kill "$pid"; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
  if [ -n "${KEEP_LOGS:-}" ]; then mkdir -p "$KEEP_LOGS" && cp "$work"/portal*.log "$KEEP_LOGS/" && echo "logs kept in $KEEP_LOGS"; fi
}

wait_wrk() {
  while pgrep -P $$ -x wrk >/dev/null; do sleep 1; done
}

echo "date: $(date -u +%Y-%m-%dT%H:%MZ), cores: $(nproc), $(java -version 2>&1 | head -1)"
for n in ${INSTANCES:-1 2}; do run "$n"; done
