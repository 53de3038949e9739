#!/usr/bin/env bash
# Start to healthy on an existing database: Liquibase's full check, the schema fingerprint, and the
# fingerprint with a class-data-sharing archive, in the same run. Prints a table and writes it to
# bench/results/startup.md. Not part of `./mvnw -B verify`.
#
#   ./mvnw -B -DskipTests package && bench/startup-bench.sh
#
# On PostgreSQL give an empty database: JAVA_OPTS='-Ddb.url=jdbc:postgresql://HOST/EMPTY -Ddb.user=U -Ddb.password=P'.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/craftline.jar ] && [ -d target/test-classes ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
# Maven compiles the benchmarks with the tests (build-helper in pom.xml), into target/test-classes.
exec java ${JAVA_OPTS:-} -cp target/craftline.jar:target/test-classes StartupBench
