#!/usr/bin/env bash
# Start-up time: from launching `java -jar` (the README's command, no JVM flags) to the first 200,
# for the portal (on /readyz; H2, development defaults, an empty data directory, the repository's
# policies imported) and for a bare embedded Jetty of the same version (bench/bare-jetty, on its
# hello URL). Fresh starts of each, alternating, each in a new empty directory; prints every time,
# the user+system CPU seconds the process had used by then, both medians and their ratio.
#
#   bench/startup.sh          # 5 starts of each
#   RUNS=3 bench/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

RUNS=${RUNS:-5}
TIMEOUT_S=${TIMEOUT_S:-120}

. bench/startup-lib.sh
build_jars
portal_jetty=$(sed -n 's:.*<jetty.version>\(.*\)</jetty.version>.*:\1:p' pom.xml | head -1)

# start <name> <url-path> <command…>: runs the command in a new empty directory, waits for the first
# 200 on the path, writes "<ms> <cpu-seconds>" to $work/last and stops the process. Runs in this
# shell (not a subshell), so the trap sees the process to kill.
start() {
  local name=$1 path=$2
  shift 2
  local dir port begun ended cpu
  dir=$(mktemp -d "$work/$name.XXXX")
  port=$(free_port)
  begun=$(now_ms)
  (cd "$dir" && exec env PORT="$port" PORTAL_PORT="$port" PORTAL_POLICIES_DIR="$repo/policies" "$@" >"$dir/out.log" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port$path"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name exited before answering; its log:" >&2
      tail -20 "$dir/out.log" >&2
      exit 1
    fi
    if [ $(($(now_ms) - begun)) -gt $((TIMEOUT_S * 1000)) ]; then
      echo "$name did not answer within ${TIMEOUT_S}s" >&2
      exit 1
    fi
    sleep 0.02
  done
  ended=$(now_ms)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$pid/stat")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=
  echo "$((ended - begun)) $cpu" >"$work/last"
}

echo "Jetty $portal_jetty, $(java -version 2>&1 | head -1), $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
: >"$work/portal.ms"
: >"$work/bare.ms"
for run in $(seq 1 "$RUNS"); do
  start bare /hello java -jar "$repo/bench/bare-jetty/target/bare-jetty.jar"
  read -r ms cpu <"$work/last"
  echo "run $run  bare Jetty  $ms ms  (cpu ${cpu} s)"
  echo "$ms" >>"$work/bare.ms"
  start portal /readyz java -jar "$repo/target/privacy-portal.jar"
  read -r ms cpu <"$work/last"
  echo "run $run  portal      $ms ms  (cpu ${cpu} s)"
  echo "$ms" >>"$work/portal.ms"
done
bare=$(median <"$work/bare.ms")
portal=$(median <"$work/portal.ms")
echo "median: bare Jetty $bare ms, portal $portal ms, ratio $(awk -v p="$portal" -v b="$bare" 'BEGIN {printf "%.1f", p / b}')"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
