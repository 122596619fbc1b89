#!/usr/bin/env bash
# Runs the service on the embedded SQLite store (./data/knowledgegraph.db) at http://127.0.0.1:5080,
# loading the sample articles of samples/ on first start. Settings come from appsettings.json and KG__* variables.
set -euo pipefail
cd "$(dirname "$0")/.."
# The service caps glibc's arenas itself, but only after the runtime's own threads have made about six; set here, the
# cap holds from the first thread (docs/benchmarks.md, session 9). A value of the caller's is kept.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec dotnet run --project src/KnowledgeGraph.Api -c Release -- "$@"
