#!/usr/bin/env bash
# How sure a verdict is: false alarms and power of plain Mann-Kendall and the report's
# adjusted test on simulated weekly shares (2,000 series a cell), and the verdict's targets through the
# HTTP API of the jar (1,000 simulated workers a row). Seeded. Prints the tables and writes
# them to bench/results/validity.md. A few minutes; not part of `./mvnw -B verify`.
#
#   ./mvnw -B -DskipTests package && bench/validity-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/craftline.jar ] && [ -d target/test-classes ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
# Maven compiles the benchmarks with the tests (build-helper in pom.xml), into target/test-classes.
exec java ${JAVA_OPTS:-} -cp target/craftline.jar:target/test-classes ValidityBench
