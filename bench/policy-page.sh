#!/usr/bin/env bash
# Requests per second of a public page (default /ko/policy: rendered once per state, served from
# memory with its request log line, request id, metrics and security headers) beside nginx
# (1 worker) serving the same bytes as a static file with the same Content-Type, in the same
# run: after a warm-up of both, RUNS alternating runs of each side; prints every run's req/s,
# the medians and the ratio portal ÷ nginx. Both write one access-log line per request to a file
# (the portal its request log on stdout, nginx its access_log), so both pay for a log.
#
#   bench/policy-page.sh                                  # /ko/policy, wrk -t1 -c32 -d10s, 3 runs each
#   PAGE=/en/policy DURATION=5s RUNS=5 bench/policy-page.sh
#   JAR=/tmp/main/target/privacy-portal.jar bench/policy-page.sh   # another build of the portal
#   JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/page.jfr' bench/policy-page.sh   # with a profile
set -euo pipefail
cd "$(dirname "$0")/.."

PAGE=${PAGE:-/ko/policy}
DURATION=${DURATION:-10s}
THREADS=${THREADS:-1}
CONNECTIONS=${CONNECTIONS:-32}
RUNS=${RUNS:-3}
WARMUP=${WARMUP:-30s}   # the JIT needs it: on a busy machine the first 10 s run at a third of the rate
PORT=${PORT:-18089}
NGINX_PORT=${NGINX_PORT:-18090}
JAVA_OPTS=${JAVA_OPTS:-}
JAR=${JAR:-target/privacy-portal.jar}   # another build to compare, e.g. one of main

install() {
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
command -v wrk >/dev/null 2>&1 || install wrk
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  install nginx-light || install nginx
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -f "$JAR" ]; then
  ./mvnw -B -q package -DskipTests
fi

work=$(mktemp -d)
chmod 755 "$work"
portal=""
nginx_pid=""
cleanup() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  [ -n "$portal" ] && kill "$portal" 2>/dev/null && wait "$portal" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

echo "Load before: $(uptime)"
# shellcheck disable=SC2086
PORTAL_PORT=$PORT PORTAL_DATA_DIR="$work/data" PORTAL_KEY_DIR="$work/keys" PORTAL_POLICIES_DIR="$PWD/policies" \
  java $JAVA_OPTS -jar "$JAR" >"$work/portal.log" 2>&1 &
portal=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break
  kill -0 "$portal" 2>/dev/null || { cat "$work/portal.log"; exit 1; }
  sleep 0.5
done

# The static copy: the portal's own bytes and Content-Type.
mkdir -p "$work/www"
content_type=$(curl -fs -o "$work/www/page.html" -w '%{content_type}' "http://127.0.0.1:$PORT$PAGE")
echo "Page $PAGE: $(wc -c <"$work/www/page.html") bytes, $content_type"
cat >"$work/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
$( [ "$(id -u)" = 0 ] && echo "user root;" )
events { worker_connections 1024; }
http {
  access_log $work/nginx-access.log;
  client_body_temp_path $work/tmp-body;
  proxy_temp_path $work/tmp-proxy;
  fastcgi_temp_path $work/tmp-fastcgi;
  uwsgi_temp_path $work/tmp-uwsgi;
  scgi_temp_path $work/tmp-scgi;
  server_tokens off;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $work/www;
    location = $PAGE {
      types { }
      default_type "$content_type";
      try_files /page.html =404;
    }
  }
}
EOF
"$NGINX" -p "$work" -e "$work/nginx-error.log" -c "$work/nginx.conf" &
nginx_pid=$!
for _ in $(seq 1 40); do
  curl -fs "http://127.0.0.1:$NGINX_PORT$PAGE" >/dev/null 2>&1 && break
  sleep 0.25
done
cmp -s "$work/www/page.html" <(curl -fs "http://127.0.0.1:$NGINX_PORT$PAGE") \
  || { echo "nginx does not serve the same bytes"; cat "$work/nginx-error.log"; exit 1; }

ticks() {  # CPU time (user + system, clock ticks) of the given processes so far
  local total=0 pid
  for pid in "$@"; do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}
hz=$(getconf CLK_TCK)
# One wrk run: prints "<requests/s> <server CPU µs per request>" (CPU of the given server processes).
run() {
  local duration=$1 url=$2; shift 2
  local before after out
  before=$(ticks "$@")
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" "$url")
  after=$(ticks "$@")
  awk -v cpu=$((after - before)) -v hz="$hz" '
    /requests in/ {n = $1}
    /^Requests\/sec:/ {r = $2}
    END {printf "%.0f %.0f\n", r, n ? cpu / hz * 1e6 / n : 0}' <<<"$out"
}
median() {
  printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'
}

nginx_pids=("$nginx_pid" $(pgrep -P "$nginx_pid"))
echo "Warm-up: $WARMUP each"
run "$WARMUP" "http://127.0.0.1:$PORT$PAGE" "$portal" >/dev/null
run "$WARMUP" "http://127.0.0.1:$NGINX_PORT$PAGE" "${nginx_pids[@]}" >/dev/null

portal_rates=() nginx_rates=() portal_cpu=() nginx_cpu=()
for i in $(seq 1 "$RUNS"); do
  read -r p pc < <(run "$DURATION" "http://127.0.0.1:$PORT$PAGE" "$portal")
  read -r n nc < <(run "$DURATION" "http://127.0.0.1:$NGINX_PORT$PAGE" "${nginx_pids[@]}")
  portal_rates+=("$p") nginx_rates+=("$n") portal_cpu+=("$pc") nginx_cpu+=("$nc")
  echo "Run $i: portal $p req/s ($pc µs CPU/request), nginx $n req/s ($nc µs CPU/request)"
done
pm=$(median "${portal_rates[@]}")
nm=$(median "${nginx_rates[@]}")
echo "Median: portal $pm req/s ($(median "${portal_cpu[@]}") µs CPU/request), nginx $nm req/s ($(median "${nginx_cpu[@]}") µs CPU/request)"
echo "  (wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $RUNS alternating runs each)"
echo "Ratio portal/nginx: $(awk -v p="$pm" -v n="$nm" 'BEGIN {printf "%.2f", p / n}')"
echo "Request log lines: portal $(grep -c "GET $PAGE " "$work/portal.log" || true), nginx $(wc -l <"$work/nginx-access.log")"
echo "Load after: $(uptime)"
