#!/bin/sh
# Destruction benchmark: (a) N requests one after another (default 100), each for a number with two
# online simulated devices; (b) a burst of M approved in-app requests (default 1000) over 2·M devices.
# Usage: bench/destruction.sh [sequential] [burst]
# BENCH_H2_WRITE_DELAY=500 runs on H2's default write delay instead of the portal's durable commits.
set -e
cd "$(dirname "$0")/.."
# Not offline: on a fresh machine Maven first has to fetch its dependency plugin.
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
uptime
exec java -Xmx2g ${BENCH_H2_WRITE_DELAY:+-Dbench.h2WriteDelay=$BENCH_H2_WRITE_DELAY} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    kr.jsoft.privacyportal.destruction.DestructionBench "${1:-100}" "${2:-1000}"
