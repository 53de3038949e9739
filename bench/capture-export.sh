#!/usr/bin/env bash
# Writes a realistic, seeded tracker export whose truth is known (src/test/.../testing/CaptureExports):
# the 3D artist's ActivityWatch export or a developer's WakaTime heartbeats.
#
#   ./mvnw -B -DskipTests package && bench/capture-export.sh activitywatch /tmp/aw-year.json 365
#   bench/capture-export.sh wakatime /tmp/wakatime.json 90 7 2023-01-01 Europe/Berlin
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/craftline.jar ] && [ -d target/test-classes ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
exec java ${JAVA_OPTS:-} -cp target/craftline.jar:target/test-classes CaptureExport "$@"
