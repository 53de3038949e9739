#!/usr/bin/env bash
# The scale benchmark: 1,000 workers x 365 days x ~10 steps (~3.6M steps) plus a worker
# with five years of 100-step days, bulk-loaded with their day rollups into a fresh H2 file, then
# measured over HTTP against the real jar under -Xmx512m, every figure beside a baseline from the
# same run. Prints one table and writes it to bench/results/latest.md. Takes about 4 minutes on
# 2 cores. Not part of `./mvnw -B verify`.
#
#   ./mvnw -B -DskipTests package && bench/scale-bench.sh
#
# Options as system properties in JAVA_OPTS, e.g. JAVA_OPTS='-Dworkers=100 -DloadSeconds=5'. On
# PostgreSQL, give an empty database: JAVA_OPTS='-Ddb.url=jdbc:postgresql://HOST:PORT/DB -Ddb.user=U
# -Ddb.password=P'; the table then goes to bench/results/latest-postgresql.md.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/craftline.jar ] && [ -d target/test-classes ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
# Maven compiles the benchmarks with the tests (build-helper in pom.xml), into target/test-classes.
exec java ${JAVA_OPTS:-} -cp target/craftline.jar:target/test-classes ScaleBench
