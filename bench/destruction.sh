#!/bin/sh
# Destruction benchmark: (a) N requests one after another (default 100), each for a number with two
# online simulated devices; (b) a burst of M approved in-app requests (default 1000) over 2·M devices.
# Usage: bench/destruction.sh [sequential] [burst]
set -e
cd "$(dirname "$0")/.."
./mvnw -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
uptime
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    kr.jsoft.privacyportal.destruction.DestructionBench "${1:-100}" "${2:-1000}"
