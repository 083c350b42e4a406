#!/usr/bin/env bash
# The analytics benchmark of issue 6 in one command: starts Hulul on a fresh database,
# fills it with bench/generate-analytics.py (VALUES approved values, 10 million by default),
# then runs bench/analytics-latency.py (the two pivots, the pages, freshness, and the same
# questions as a plain SQL GROUP BY) and stops Hulul.
# Usage: bench/analytics.sh [h2|postgres] [VALUES] [RUNS]
#   h2: a file database in a temporary folder, opened with AUTO_SERVER=TRUE so the plain
#       GROUP BY's process may read it while Hulul runs;
#   postgres: the database hulul_bench on 127.0.0.1:5432 (user postgres), dropped and made anew.
set -euo pipefail
cd "$(dirname "$0")/.."
db="${1:-h2}"
values="${2:-10000000}"
runs="${3:-30}"
port="${HULUL_BENCH_PORT:-18092}"
password=bench-admin-pw
./hulul prepare >/dev/null
source <(sed -n '/^java_major()/,/^}/p;/^find_jdk()/,/^}/p' hulul)
java="$(find_jdk)/bin/java"
eval "$(grep '^APP=' hulul)"
eval "$(grep '^JAVA_RUN=' hulul)"
dir=$(mktemp -d)
case "$db" in
  h2)
    url="jdbc:h2:file:$dir/hulul;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE"
    user=sa ;;
  postgres)
    psql -h 127.0.0.1 -U postgres -qc 'drop database if exists hulul_bench' -c 'create database hulul_bench'
    url="jdbc:postgresql://127.0.0.1:5432/hulul_bench"
    user=postgres ;;
  *) echo "usage: bench/analytics.sh [h2|postgres] [VALUES] [RUNS]" >&2; exit 2 ;;
esac
HULUL_DB_URL="$url" HULUL_DB_USER="$user" HULUL_DATA_DIR="$dir" HULUL_PORT="$port" \
  HULUL_ADMIN_PASSWORD="$password" "$java" "${JAVA_RUN[@]}" >"$dir/hulul.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
  sleep 0.5
  kill -0 "$pid" 2>/dev/null || { echo "Hulul exited; see $dir/hulul.log" >&2; exit 1; }
done
echo "Hulul on $db is up (log: $dir/hulul.log); filling it with $values values"
python3 bench/generate-analytics.py "http://127.0.0.1:$port" "$password" "$values" | tail -1
python3 bench/analytics-latency.py "http://127.0.0.1:$port" "$password" "$url" "$user" "$runs"
