#!/usr/bin/env bash
# The bulk benchmark: steps/s through POST /api/tasks/batch against raw JDBC batch inserts
# of the same rows into a fresh database in the same run, and the server's heap while a 20 MiB
# Toggl file imports in one request, under -Xmx512m. Prints a table and writes it to
# bench/results/bulk.md. Not part of `mvn -B verify`.
#
#   mvn -B -DskipTests package && bench/bulk-bench.sh
#
# On PostgreSQL give two empty databases: JAVA_OPTS='-Ddb.url=jdbc:postgresql://HOST/SERVED
# -Ddb.rawUrl=jdbc:postgresql://HOST/RAW -Ddb.user=U -Ddb.password=P'.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/craftline.jar ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 1; }
# The benchmarks share bench/BenchServer.java: compile them together against the jar.
rm -rf target/bench && javac -nowarn -d target/bench -cp target/craftline.jar bench/*.java
exec java ${JAVA_OPTS:-} -cp target/craftline.jar:target/bench BulkBench
