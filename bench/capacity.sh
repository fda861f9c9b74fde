#!/usr/bin/env bash
# Capacity benchmark: N server groups (coordinator + 2 workers) on this machine, the lab's data in
# each, N learners running the lab's queries at once: provisioning time, memory per group, latency
# percentiles against one learner alone, back to back and with a person's pauses.
# Usage: bench/capacity.sh [groups] [rounds] [mean think seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o test-compile -Dvaadin.skip=true 2>/dev/null || ./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    io.hyperscalelab.bench.CapacityBenchmark "${1:-30}" "${2:-10}" "${3:-5}"
