#!/usr/bin/env bash
# Requests per second of /en/policy (rendered once per state, served from memory with an
# ETag) beside a static copy of the same HTML served by the same Jetty (DefaultServlet at
# /bench-static/, enabled only by PORTAL_BENCH_STATIC=true). One run, same machine, same JVM.
#
#   bench/policy-page.sh            # 10 s per target, 2 threads, 50 connections
#   DURATION=30s THREADS=4 CONNECTIONS=100 bench/policy-page.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-50}
PORT=${PORT:-18089}

if ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
if [ ! -f target/privacy-portal.jar ]; then
  ./mvnw -B -q package -DskipTests
fi

work=$(mktemp -d)
PORTAL_PORT=$PORT PORTAL_DATA_DIR="$work/data" PORTAL_KEY_DIR="$work/keys" PORTAL_POLICIES_DIR="$PWD/policies" \
  PORTAL_BENCH_STATIC=true java -jar target/privacy-portal.jar >"$work/portal.log" 2>&1 &
portal=$!
trap 'kill $portal 2>/dev/null; wait $portal 2>/dev/null; rm -rf "$work"' EXIT

for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/en/policy" -o "$work/data/bench-static/en-policy.html"
echo "Page size: $(wc -c <"$work/data/bench-static/en-policy.html") bytes"

# Warm up both (JIT, first render), then measure each once.
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "http://127.0.0.1:$PORT/en/policy" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "http://127.0.0.1:$PORT/bench-static/en-policy.html" >/dev/null

echo "== /en/policy (portal, from the page cache)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$PORT/en/policy"
echo "== /bench-static/en-policy.html (Jetty DefaultServlet, same bytes)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$PORT/bench-static/en-policy.html"
