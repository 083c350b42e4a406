#!/usr/bin/env bash
# Start-up benchmark (DESIGN.md §5: ready in under 10 s on the embedded database).
# Measures, from process launch until /actuator/health answers UP, exactly as ./hulul start
# runs Hulul: a first start on an empty H2 database (schema, reference data, administrator)
# and a restart on that data. The first run of all also writes the class-data archive
# (target/app/hulul.jsa) that later starts load; delete it to measure a start without.
# Usage: bench/startup.sh [runs]   (builds and unpacks the application first if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
port="${HULUL_BENCH_PORT:-18080}"
./hulul prepare >/dev/null
source <(sed -n '/^java_major()/,/^}/p;/^find_jdk()/,/^}/p' hulul)
java="$(find_jdk)/bin/java"
eval "$(grep '^APP=' hulul)"
eval "$(grep '^JAVA_RUN=' hulul)"

measure() { # $1 data dir; prints seconds until healthy
  local start end pid
  start=$(date +%s%N)
  HULUL_DATA_DIR="$1" HULUL_PORT="$port" HULUL_ADMIN_PASSWORD=benchmark-password \
    "$java" "${JAVA_RUN[@]}" >"$1.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    sleep 0.05
    kill -0 "$pid" 2>/dev/null || { echo "Hulul exited; see $1.log" >&2; exit 1; }
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  awk -v ns=$((end - start)) 'BEGIN { printf "%.2f", ns / 1e9 }'
}

for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  first=$(measure "$dir/data")
  again=$(measure "$dir/data")
  echo "run $i: first start ${first} s, restart ${again} s"
  rm -rf "$dir"
done
