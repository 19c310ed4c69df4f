#!/usr/bin/env bash
# Benchmark dispatcher: scripts/bench.sh <benchmark> [--quick]
# Benchmarks: loader (BulkDataLoader vs hand-written COPY and EF Core; issue #3); bronze (Pagila bronze extraction at scale 10
# vs a COPY TO STDOUT | COPY FROM STDIN pipe between the same databases; issue #4; --quick: scale 1); transforms (typed silver + gold
# vs a hand-written SQL script doing the same cleaning/joins, scale 10, same database; issue #5; --quick: scale 1).
# Each prints one table and writes artifacts/bench/<benchmark>.json. PostgreSQL is resolved like the tests:
# DATAPLATFORM_TEST_PG, else Testcontainers, else a throw-away local cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
benchmark="${1:-}"
if [ $# -gt 0 ]; then shift; fi
case "$benchmark" in
  loader|bronze|transforms)
    exec dotnet run -c Release --project tests/DataPlatform.Benchmarks -- "$benchmark" "$@"
    ;;
  pipeline)
    # End to end per layer at --scale N[,N...] (default 1,10,50), run by the published (ReadyToRun) pagila-warehouse; then,
    # in the same run, the reference (copy the source + plain-SQL silver and gold) and an update batch (10 % of rentals and
    # payments, 5 % of customers); --batches N adds N more 1 % batches (the scaling check: last batch vs the second).
    dotnet publish -c Release --nologo -v quiet layer3-warehouses/pagila-warehouse -o layer3-warehouses/pagila-warehouse/bin/Release/net10.0/publish >&2
    exec dotnet run -c Release --project tests/DataPlatform.Benchmarks -- "$benchmark" "$@"
    ;;
  *)
    echo "usage: scripts/bench.sh <loader|bronze|transforms|pipeline> [--quick]" >&2
    exit 1
    ;;
esac
