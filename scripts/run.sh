#!/usr/bin/env bash
# Runs the service on the embedded SQLite store (./data/knowledgegraph.db) at http://127.0.0.1:5080,
# loading the sample articles of samples/ on first start. Settings come from appsettings.json and KG__* variables.
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run --project src/KnowledgeGraph.Api -c Release -- "$@"
