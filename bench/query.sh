#!/usr/bin/env bash
# Query benchmark: the lab's queries through the distributed executor vs one plain PostgreSQL with the
# same rows and indexes, at 1M events / 100k users. Usage: bench/query.sh [rounds] [events] [users] [connections-per-worker]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o test-compile -Dvaadin.skip=true 2>/dev/null || ./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    io.hyperscalelab.bench.QueryBenchmark "${1:-10}" "${2:-1000000}" "${3:-100000}" ${4:-}
