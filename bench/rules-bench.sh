#!/usr/bin/env bash
# What a worker's rule pattern may cost: the backtracking trap (a+)+$ against a plain pattern on
# 1,000-character titles, through the rules the imports use (RE2).
# Prints a table and writes it to bench/results/rules.md. Seconds; not part of `./mvnw -B verify`.
#
#   ./mvnw -B -DskipTests package && bench/rules-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/craftline.jar ] && [ -d target/test-classes ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
# Maven compiles the benchmarks with the tests (build-helper in pom.xml), into target/test-classes.
exec java ${JAVA_OPTS:-} -cp target/craftline.jar:target/test-classes RuleBench
