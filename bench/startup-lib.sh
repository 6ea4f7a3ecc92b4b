# Shared by bench/startup.sh and bench/startup-floor.sh (sourced from the repository's root).

# Builds the portal's jar and the bare Jetty's if missing, after checking both use the same Jetty.
build_jars() {
  local portal_jetty bare_jetty
  portal_jetty=$(sed -n 's:.*<jetty.version>\(.*\)</jetty.version>.*:\1:p' pom.xml | head -1)
  bare_jetty=$(sed -n 's:.*<jetty.version>\(.*\)</jetty.version>.*:\1:p' bench/bare-jetty/pom.xml | head -1)
  if [ "$portal_jetty" != "$bare_jetty" ]; then
    echo "bench/bare-jetty/pom.xml has Jetty $bare_jetty, the portal $portal_jetty: make them equal" >&2
    exit 1
  fi
  if [ ! -f target/privacy-portal.jar ]; then
    ./mvnw -B -q package -DskipTests
  fi
  if [ ! -f bench/bare-jetty/target/bare-jetty.jar ]; then
    ./mvnw -B -q -f bench/bare-jetty/pom.xml package
  fi
}

# A scratch folder in $work, and the process in $pid stopped and the folder removed however the script ends.
work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

now_ms() {
  echo $(($(date +%s%N) / 1000000))
}

median() {
  sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
