#!/usr/bin/env bash
# Runs every test project of the solution against a real PostgreSQL (see README "Tests").
# Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~BulkLoader").
# Prints which PostgreSQL the tests used (each test assembly's fixture writes one line into the results folder).
set -euo pipefail
cd "$(dirname "$0")/.."
results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
export DATAPLATFORM_TEST_PG_REPORT="$PWD/$results"
status=0
dotnet test DataPlatform.sln -c Release --logger "trx" --results-directory "$results" "$@" || status=$?
# One plain closing line over all test assemblies: "N passed, N failed, N skipped".
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); passed=$((passed + ${p:-0}))
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${f:-0}))
  s=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters"); skipped=$((skipped + ${s:-0}))
done
shopt -s nullglob
reports=("$results"/postgres-server.*.txt)
if [ ${#reports[@]} -eq 0 ]; then
  echo "PostgreSQL for the tests: none started (no test used the PostgresServer fixture)"
else
  # One line per distinct server path, with the number of test assemblies that used it.
  sed -E 's/ container [0-9a-f]{12}//; s/ on [^ ]+:[0-9]+\)/)/' "${reports[@]}" | sort | uniq -c \
    | awk '{ count = $1; $1 = ""; sub(/^ /, ""); print $0 " [" count " test assemblies]" }'
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "no test ran" >&2
  status=1
fi
exit "$status"
