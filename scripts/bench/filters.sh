#!/usr/bin/env bash
# The "Filters without catch-all SQL" benchmark (docs/benchmarks.md): generates the data in a scratch
# database, times the people and engagement lists with the old catch-all statements and with the
# statements FilteredSql writes (RUNS runs, default 3, each a new session with newly prepared statements),
# prints the median and the slowest per request, then the plans, and drops the database.
# Usage: scripts/bench/filters.sh [database]   (PostgreSQL on 127.0.0.1:5432, user postgres, trust)
set -euo pipefail
db=${1:-oc_sql_scratch}
here=$(cd "$(dirname "$0")" && pwd)
psql=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
"${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
trap '"${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db"' EXIT
start=$(date +%s)
"${psql[@]}" -d "$db" -f "$here/filters-setup.sql"
echo "data generated in $(($(date +%s) - start)) s"
out=$(mktemp)
for run in $(seq 1 "${RUNS:-3}"); do
  "${psql[@]}" -d "$db" -f "$here/filters-time.sql" > "$out.$run"
  sed -n '/^@@ plans/,$p' "$out.$run" > "$out.plans"
done
# People lines come in pairs (count, page): one page view is their sum.
cat "$out".[0-9]* | awk '
  /^@@ plans/ { label = ""; next }
  /^@@ / { label = substr($0, 4); pair = (label ~ /^people/); half = 0; next }
  label != "" && /^Time:/ {
    t = $2
    if (pair) { if (half == 0) { first = t; half = 1; next } t += first; half = 0 }
    n[label]++; v[label, n[label]] = t
  }
  END {
    for (l in n) {
      m = n[l]; for (i = 1; i <= m; i++) a[i] = v[l, i]
      for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) { x = a[i]; a[i] = a[j]; a[j] = x }
      printf "%s|%d|%.2f|%.2f\n", l, m, (m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2), a[m]
    }
  }' | sort | awk -F'|' 'BEGIN { print "| list | code | filter | requests | median ms | slowest ms |"; print "|---|---|---|---:|---:|---:|" }
                         { printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6 }'
echo
cat "$out.plans"
rm -f "$out" "$out".*
