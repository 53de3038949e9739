#!/usr/bin/env bash
# How sure a verdict is: false alarms and power of plain Mann-Kendall and the report's
# adjusted test on simulated weekly shares (2,000 series a cell), and the verdict's targets through the
# HTTP API of the jar (1,000 simulated workers a row). Seeded. Prints the tables and writes
# them to bench/results/validity.md. A few minutes; not part of `mvn -B verify`.
#
#   mvn -B -DskipTests package && bench/validity-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/craftline.jar ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 1; }
# The benchmarks share bench/BenchServer.java: compile them together against the jar.
rm -rf target/bench && javac -nowarn -d target/bench -cp target/craftline.jar bench/*.java
exec java ${JAVA_OPTS:-} -cp target/craftline.jar:target/bench ValidityBench
