#!/usr/bin/env bash
# The floor under the start-up figure: how long a JVM started like the portal (`java -jar`-style,
# no JVM flags) takes only to load the classes the portal loads from its jar before its first 200
# on /readyz, in the same order, and to load and initialise them, doing nothing else: no database,
# no mapping, no web server. Beside it, a bare embedded Jetty (bench/bare-jetty) to its first 200,
# as in bench/startup.sh. Alternating fresh runs; medians and the ratios to the bare Jetty.
#
# The class list comes from one diagnostic start of the portal with -Xlog:class+load (not timed),
# killed right after its first 200 on /readyz.
#
#   bench/startup-floor.sh          # 5 runs of each
#   RUNS=3 bench/startup-floor.sh
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
RUNS=${RUNS:-5}

. bench/startup-lib.sh
build_jars

wait_for() { # <url>: polls until 200 or the process ($pid) ends
  until curl -fs -o /dev/null "$1"; do
    kill -0 "$pid" 2>/dev/null || { echo "exited before answering $1" >&2; exit 1; }
    sleep 0.02
  done
}
# The classes the portal loads from its jar up to its first 200 on /readyz.
dir=$(mktemp -d "$work/portal.XXXX")
port=$(free_port)
(cd "$dir" && exec env PORTAL_PORT="$port" PORTAL_POLICIES_DIR="$repo/policies" \
  java -Xlog:class+load:file="$work/class-load.txt" -jar "$repo/target/privacy-portal.jar" >"$dir/out.log" 2>&1) &
pid=$!
wait_for "http://127.0.0.1:$port/readyz"
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
pid=
grep 'source: file:.*privacy-portal\.jar' "$work/class-load.txt" | awk '{print $2}' >"$work/classes.txt"
echo "$(wc -l <"$work/classes.txt") classes from the portal's jar before its first 200 on /readyz;" \
  "$(grep -c 'shared objects file' "$work/class-load.txt") from the JDK's shared archive," \
  "$(grep -c 'source: jrt:' "$work/class-load.txt") more from the JDK, $(grep -c -E 'Lambda|0x[0-9a-f]+ source' "$work/class-load.txt") spun at run time"

mkdir "$work/classes"
javac -d "$work/classes" bench/startup-floor/LoadClasses.java

echo "$(java -version 2>&1 | head -1), $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
: >"$work/bare.ms"; : >"$work/load.ms"; : >"$work/init.ms"
for run in $(seq 1 "$RUNS"); do
  dir=$(mktemp -d "$work/bare.XXXX")
  port=$(free_port)
  begun=$(now_ms)
  (cd "$dir" && exec env PORT="$port" java -jar "$repo/bench/bare-jetty/target/bare-jetty.jar" >"$dir/out.log" 2>&1) &
  pid=$!
  wait_for "http://127.0.0.1:$port/hello"
  ms=$(($(now_ms) - begun))
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  echo "$ms" >>"$work/bare.ms"
  line="run $run  bare Jetty $ms ms"
  for mode in load init; do
    begun=$(now_ms)
    java -cp "$repo/target/privacy-portal.jar:$work/classes" LoadClasses "$work/classes.txt" "$mode" >"$work/$mode.out" 2>&1
    ms=$(($(now_ms) - begun))
    echo "$ms" >>"$work/$mode.ms"
    line="$line, $mode $ms ms ($(head -1 "$work/$mode.out"))"
  done
  echo "$line"
done
bare=$(median <"$work/bare.ms")
load=$(median <"$work/load.ms")
init=$(median <"$work/init.ms")
ratio() { awk -v a="$1" -v b="$bare" 'BEGIN {printf "%.1f", a / b}'; }
echo "median: bare Jetty $bare ms; loading the portal's classes $load ms ($(ratio "$load")x)," \
  "loading and initialising them $init ms ($(ratio "$init")x); 3x the bare Jetty is $((bare * 3)) ms"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
