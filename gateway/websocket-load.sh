#!/usr/bin/env bash
# Measures WebSockets through the packaged gateway (docs/frontends.md, "Sockets through the gateway"):
#   gateway/websocket-load.sh [held sockets, default 8000] [burst, default 1000]
# Builds the gateway jar and its test classes, then runs io.switchboard.gateway.WebSocketLoad, which starts an echoing
# origin in its own JVM and the gateway from its jar. Each process needs 2 descriptors per socket: keep
# held + burst below half the open-file limit (`ulimit -Hn`).
set -euo pipefail
cd "$(dirname "$0")/.."
HELD="${1:-8000}"
BURST="${2:-1000}"
mvn -B -q -pl gateway package -DskipTests
mvn -B -q -pl gateway dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/load.classpath
ulimit -n "$(ulimit -Hn)"
exec java -Xmx1g -cp "gateway/target/test-classes:gateway/target/classes:$(cat gateway/target/load.classpath)" \
  io.switchboard.gateway.WebSocketLoad "$HELD" "$BURST" gateway/target/quarkus-app/quarkus-run.jar
