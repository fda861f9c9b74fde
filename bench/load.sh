#!/usr/bin/env bash
# Load benchmark: the sharded loader vs plain COPY into one PostgreSQL, at lab scale and at 1M events.
# Usage: bench/load.sh [rounds] [events]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o test-compile -Dvaadin.skip=true 2>/dev/null || ./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    io.hyperscalelab.bench.LoadBenchmark "${1:-3}" "${2:-1000000}"
