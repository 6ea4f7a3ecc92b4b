#!/bin/sh
# Command-channel benchmark: N devices (default 10000) registered through the device API, one NOTIFY
# each, woken through a local Web Push service, each answering with a signed COMPLETED receipt. The
# portal runs in this JVM; the devices and their push service in a second one (CommandsBench starts
# it), so that each process's CPU per command is reported on its own.
# Usage: bench/commands.sh [devices]
# BENCH_H2_WRITE_DELAY=500 runs on H2's default write delay instead of the portal's durable commits.
set -e
cd "$(dirname "$0")/.."
# Not offline: on a fresh machine Maven first has to fetch its dependency plugin.
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
uptime
java -Xmx2g ${BENCH_H2_WRITE_DELAY:+-Dbench.h2WriteDelay=$BENCH_H2_WRITE_DELAY} -Dlogback.configurationFile=bench/logback-quiet.xml \
    -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    kr.jsoft.privacyportal.command.CommandsBench "${1:-10000}"
uptime
