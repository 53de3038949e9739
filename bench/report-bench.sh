#!/usr/bin/env bash
# Report latency benchmark, printed as ratios to a baseline measured in the same run.
#
# Seeds the demo year (7 workers, about 2,200 tasks) into a throwaway H2 database, starts the
# server, and times each request ROUNDS times after a warm-up. The baseline is GET /api/me: one
# token lookup and nothing else, so each ratio says how many "cheapest authenticated requests" a
# call costs on this machine, whatever the machine. Run after: ./mvnw -B -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-15}
JAR=target/craftline.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }

work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
export CRAFTLINE_DB_URL="jdbc:h2:$work/craftline;WRITE_DELAY=0;TRACE_LEVEL_FILE=0"
export CRAFTLINE_ADMIN_TOKEN="bench-admin-token-$(date +%s)-0123456789abcdef"
export CRAFTLINE_ADMIN_TOKEN_FILE="$work/admin-token"
# The report timings, not the rate limits, are measured.
export CRAFTLINE_RATE_PER_SECOND=1000000 CRAFTLINE_RATE_BURST=1000000
export CRAFTLINE_PORT=${CRAFTLINE_PORT:-18480} CRAFTLINE_ADMIN_PORT=${CRAFTLINE_ADMIN_PORT:-18481}

java -jar "$JAR" demo config.yml > "$work/demo.log" 2>&1
java -jar "$JAR" server config.yml > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$CRAFTLINE_ADMIN_PORT/healthcheck" > /dev/null 2>&1 && break
  sleep 0.5
done

base="http://127.0.0.1:$CRAFTLINE_PORT"
year="from=2022-09-01&to=2023-09-30"
declare -A paths=(
  [baseline]="/api/me"
  [task_page]="/api/tasks?worker=sam&limit=50"
  [worker_report]="/api/reports/deskilling?worker=sam&$year"
  [worker_monthly]="/api/reports/deskilling?worker=sam&$year&bucket=month"
  [worker_csv]="/api/reports/deskilling?worker=sam&$year&format=csv"
  [worker_svg]="/api/reports/deskilling?worker=sam&$year&format=svg"
  [worker_svg_375]="/api/reports/deskilling?worker=sam&$year&format=svg&width=357"
  [team_report]="/api/reports/deskilling?team=environment-art&$year"
)
order=(baseline task_page worker_report worker_monthly worker_csv worker_svg worker_svg_375 team_report)

median() {   # median of the seconds one request takes, over ROUNDS runs after 3 warm-up runs
  local path=$1 times=()
  for _ in 1 2 3; do curl -sf -o /dev/null -H "Authorization: Bearer $CRAFTLINE_ADMIN_TOKEN" "$base$path"; done
  for _ in $(seq 1 "$ROUNDS"); do
    times+=("$(curl -sf -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $CRAFTLINE_ADMIN_TOKEN" "$base$path")")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'
}

baseline=$(median "${paths[baseline]}")
printf '%-16s %12s %10s\n' request "median ms" "x baseline"
for name in "${order[@]}"; do
  t=$(median "${paths[$name]}")
  awk -v n="$name" -v t="$t" -v b="$baseline" 'BEGIN {printf "%-16s %12.1f %10.1f\n", n, t*1000, t/b}'
done
echo "($ROUNDS timed runs each; H2 file database; demo data: $(grep -o 'seeded [^(]*([0-9]* tasks)' "$work/demo.log"))"
