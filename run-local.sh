#!/usr/bin/env bash
# Runs the whole Skillway platform on this machine, no Docker needed: Apache Kafka (KRaft), a MongoDB
# wire-protocol server and the three services. Data is kept under ./data/local. Ctrl-C stops everything.
# Ports and the data folder can be changed with environment variables; see README.md.
set -euo pipefail
cd "$(dirname "$0")"

echo "Building Skillway (the first build downloads dependencies and takes a few minutes)..."
./mvnw -q -B -DskipTests -Dspotless.check.skip=true package -pl local-platform -am

classpath="$(cat local-platform/target/classpath.txt):local-platform/target/classes"
exec java -Xms256m -Xmx1g -cp "$classpath" org.skillway.local.LocalPlatform "$@"
