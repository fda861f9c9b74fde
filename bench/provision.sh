#!/usr/bin/env bash
# Provisioning benchmark: create -> Available for a coordinator + 2 workers, memory per node,
# and the same run's baseline (one plain PostgreSQL: initdb + start). Usage: bench/provision.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o test-compile -Dvaadin.skip=true 2>/dev/null || ./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    io.hyperscalelab.bench.ProvisioningBenchmark "${1:-7}" target
