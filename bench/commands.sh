#!/bin/sh
# Command-channel benchmark: N devices (default 10000) registered through the device API, one NOTIFY
# each, woken through a local Web Push service, each answering with a signed COMPLETED receipt. The
# portal runs in this JVM; the devices and their push service in a second one (CommandsBench starts
# it), so that each process's CPU per command is reported on its own.
# Usage: bench/commands.sh [devices]
set -e
cd "$(dirname "$0")/.."
./mvnw -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
uptime
java -Xmx2g -Dlogback.configurationFile=bench/logback-quiet.xml \
    -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    kr.jsoft.privacyportal.command.CommandsBench "${1:-10000}"
uptime
