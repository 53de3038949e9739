#!/usr/bin/env bash
# A year of ActivityWatch (about 500,000 events, 100 MB) and of WakaTime in one request each,
# against the real jar under -Xmx512m: events/s end to end against a plain streaming parse of the
# same file in the same run, and the server's peak heap. Prints a table and writes it to
# bench/results/capture.md. About a minute on 2 cores; not part of `./mvnw -B verify`.
#
#   ./mvnw -B -DskipTests package && bench/capture-bench.sh
#
# On PostgreSQL give an empty database: JAVA_OPTS='-Ddb.url=jdbc:postgresql://HOST/DB -Ddb.user=U -Ddb.password=P'.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/craftline.jar ] && [ -d target/test-classes ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
# Maven compiles the benchmarks with the tests (build-helper in pom.xml), into target/test-classes.
exec java ${JAVA_OPTS:-} -cp target/craftline.jar:target/test-classes CaptureBench
