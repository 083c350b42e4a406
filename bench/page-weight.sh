#!/usr/bin/env bash
# First-load weight (DESIGN.md §5: under 300 KB transferred): the compressed bytes of a
# page plus every stylesheet, script and icon it references, as a browser with an empty
# cache fetches them. Expects Hulul running (./hulul start); signs in when given a user.
# Usage: bench/page-weight.sh [base-url] [path ...]   e.g. bench/page-weight.sh http://localhost:8080 /login
#        HULUL_BENCH_USER=admin HULUL_BENCH_PASSWORD=... bench/page-weight.sh http://localhost:8080 / /locations
set -euo pipefail
base="${1:-http://localhost:8080}"; shift || true
paths=("${@:-/login}")
jar=$(mktemp); trap 'rm -f "$jar"' EXIT
if [[ -n "${HULUL_BENCH_USER:-}" ]]; then
  csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -c "$jar" -b "$jar" -o /dev/null -X POST "$base/login" \
    --data-urlencode "username=$HULUL_BENCH_USER" --data-urlencode "password=$HULUL_BENCH_PASSWORD" -d "_csrf=$csrf"
fi
size() { curl -s -b "$jar" -H 'Accept-Encoding: gzip, deflate' -o /dev/null -w '%{size_download}' "$base$1"; }
for path in "${paths[@]}"; do
  total=$(size "$path")
  for asset in $(curl -s -b "$jar" "$base$path" | grep -oE '<(link|script)[^>]+(href|src)="/[^"]+"' | grep -oE '(href|src)="/[^"]+"' | sed -E 's/^(href|src)="//;s/"$//'); do
    total=$((total + $(size "$asset")))
  done
  echo "$path: $((total / 1024)) KB transferred on first load ($total bytes)"
done
