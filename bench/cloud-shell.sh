#!/usr/bin/env bash
# Cloud Shell benchmark: the emulated psql against Debian's psql 15 on one server group, for the
# lab's \copy of events.csv and for printing a 100,000-row table.
# Usage: bench/cloud-shell.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o test-compile -Dvaadin.skip=true 2>/dev/null || ./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    io.hyperscalelab.bench.CloudShellBenchmark "${1:-3}"
