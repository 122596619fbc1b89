#!/usr/bin/env bash
# Runs each test project of the solution in turn (already built in Release), one TRX file each.
set -uo pipefail
results_dir=$1
status=0
for project in tests/*/*.Tests.csproj; do
    name=$(basename "$project" .csproj)
    echo "test: $name" >&2
    dotnet test "$project" -c Release --no-build -nologo \
        --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
        --results-directory "$results_dir" || status=1
done
exit $status
