#!/bin/sh
# Command-channel benchmark: N devices (default 10000) registered through the device API, one NOTIFY
# each, woken through a local Web Push service, each answering with a signed COMPLETED receipt.
# Usage: bench/commands.sh [devices]
set -e
cd "$(dirname "$0")/.."
./mvnw -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    kr.jsoft.privacyportal.command.CommandsBench "${1:-10000}"
