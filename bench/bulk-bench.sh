#!/usr/bin/env bash
# The bulk benchmark: steps/s through POST /api/tasks/batch against raw JDBC batch inserts
# of the same rows into a fresh database in the same run, and the server's heap while a 20 MiB
# Toggl file imports in one request, under -Xmx512m, then whether a server capped at an idle
# server's heap plus 128 MiB imports it too. Prints a table and writes it to bench/results/bulk.md
# (bulk-postgresql.md on PostgreSQL). Not part of `./mvnw -B verify`.
#
#   ./mvnw -B -DskipTests package && bench/bulk-bench.sh
#
# On PostgreSQL give three empty databases: JAVA_OPTS='-Ddb.url=jdbc:postgresql://HOST/SERVED
# -Ddb.rawUrl=jdbc:postgresql://HOST/RAW -Ddb.rollupUrl=jdbc:postgresql://HOST/ROLLUPS -Ddb.user=U -Ddb.password=P'.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/craftline.jar ] && [ -d target/test-classes ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
# Maven compiles the benchmarks with the tests (build-helper in pom.xml), into target/test-classes.
exec java ${JAVA_OPTS:-} -cp target/craftline.jar:target/test-classes BulkBench
