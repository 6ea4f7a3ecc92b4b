#!/usr/bin/env bash
# Notice fan-out benchmark: a revision notice fanned out to N subscribers (default
# 100,000) through the outbox into postfix's smtp-sink, with 1 and 8 SMTP connections,
# reporting messages/s and peak heap; then smtp-source into the same sink as the reference.
# Usage: bench/mail-fanout.sh [subscribers] [heap]     e.g. bench/mail-fanout.sh 100000 256m
# BENCH_H2_WRITE_DELAY=500 runs on H2's default write delay instead of the portal's durable commits.
# BENCH_PORTAL_JVM_ARGS adds options to the portal's JVM, e.g. a flight recording of the run:
#   BENCH_PORTAL_JVM_ARGS='-XX:StartFlightRecording=filename=target/fanout.jfr,settings=profile'
# BENCH_SKIP_REFERENCE=1 skips the smtp-source runs (profiling the portal side only).
# BENCH_PG_URL=jdbc:postgresql://localhost:5432/<db> runs the portal on PostgreSQL (user/password portal,
#   or -Dportal.test.pg.user/-Dportal.test.pg.password in BENCH_PORTAL_JVM_ARGS) in a schema of its own,
#   dropped afterwards, and reports the PostgreSQL server processes' CPU per mail too.
set -euo pipefail
cd "$(dirname "$0")/.."
SUBSCRIBERS=${1:-100000}
HEAP=${2:-256m}
PORT=${BENCH_SMTP_PORT:-2525}

if ! command -v smtp-sink >/dev/null; then
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfix >/dev/null
fi

# Not offline: on a fresh machine Maven first has to fetch its dependency plugin.
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

# The sink: accepts everything, keeps nothing (-u: the user it drops to after binding).
smtp-sink -u nobody 127.0.0.1:"$PORT" 1024 &
SINK=$!
trap 'kill $SINK 2>/dev/null || true' EXIT
sleep 1

echo "== portal: outbox fan-out + dispatch, $SUBSCRIBERS subscribers, -Xmx$HEAP, ${BENCH_PG_URL:+PostgreSQL }${BENCH_PG_URL:-H2 file}"
uptime
BENCH_SINK_PID=$SINK java -Xmx"$HEAP" ${BENCH_PORTAL_JVM_ARGS:-} ${BENCH_H2_WRITE_DELAY:+-Dbench.h2WriteDelay=$BENCH_H2_WRITE_DELAY} \
  ${BENCH_PG_URL:+-Dportal.test.db=postgresql -Dportal.test.pg.url=$BENCH_PG_URL} -Dlogback.configurationFile=bench/logback-quiet.xml -cp "$CP" \
  kr.jsoft.privacyportal.bench.MailFanOutBench "$SUBSCRIBERS" "$PORT" 1,8

uptime
if [ -n "${BENCH_SKIP_REFERENCE:-}" ]; then
  exit 0
fi
for sessions in 1 8; do
  echo "== reference: smtp-source, $SUBSCRIBERS messages of 4 kB, $sessions sessions"
  start=$(date +%s.%N)
  smtp-source -s "$sessions" -m "$SUBSCRIBERS" -l 4096 -f privacy@bench.example -t someone@bench.example \
    127.0.0.1:"$PORT"
  end=$(date +%s.%N)
  awk -v n="$SUBSCRIBERS" -v s="$start" -v e="$end" 'BEGIN { printf "%d messages in %.1f s = %.0f msg/s\n", n, e - s, n / (e - s) }'
done
