#!/usr/bin/env bash
# Ingest while the database grows: 1,000 workers' year of tasks of four steps through
# POST /api/tasks/batch, a day of every worker per request, into a fresh database; each tenth's
# steps/s against the first tenth's, and the database's bytes per stored step. Prints a table and
# writes it to bench/results/ingest.md (ingest-postgresql.md on PostgreSQL). About three minutes.
# Not part of `./mvnw -B verify`.
#
#   ./mvnw -B -DskipTests package && bench/ingest-bench.sh
#
# On PostgreSQL give an empty database: JAVA_OPTS='-Ddb.url=jdbc:postgresql://HOST/DB -Ddb.user=U
# -Ddb.password=P'. -Dworkers=N and -Ddays=N make it smaller.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/craftline.jar ] && [ -d target/test-classes ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
# Maven compiles the benchmarks with the tests (build-helper in pom.xml), into target/test-classes.
exec java ${JAVA_OPTS:-} -cp target/craftline.jar:target/test-classes IngestBench
