#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine of this kind: installs what the tests need (Java for Neo4j,
# Chromium and a CJK font for the browser tests), starts the Neo4j test servers, runs `dotnet test` over the
# solution, stops the servers, and ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

RESULTS_DIR="${KG_TEST_RESULTS:-artifacts/test-results}"
log() { echo "test: $*" >&2; }

apt_install() {
    command -v apt-get >/dev/null 2>&1 || { log "apt-get is missing; cannot install $*"; return 1; }
    if [[ -z "${KG_APT_UPDATED:-}" ]]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && KG_APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_browser() {
    [[ -d tests/KnowledgeGraph.Browser.Tests ]] || return 0
    command -v chromium >/dev/null 2>&1 || { log "installing Debian's chromium"; apt_install chromium; }
    fc-list 2>/dev/null | grep -i "wqy\|noto sans cjk" >/dev/null || { log "installing a CJK font"; apt_install fonts-wqy-zenhei; }
}

summarise() {
    python3 - "$RESULTS_DIR" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    counters = ET.parse(path).getroot().find(".//{*}ResultSummary/{*}Counters")
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
print(f"{passed} passed, {failed} failed")
PY
}

rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"
ensure_browser || log "could not install the browser; browser tests will fail"

dotnet build KnowledgeGraph.sln -c Release -nologo -v quiet
build_status=$?
if [[ $build_status -ne 0 ]]; then
    log "build failed"
    echo "0 passed, 1 failed"
    exit 1
fi

scripts/neo4j-test-server.sh run -- bash scripts/test-projects.sh "$RESULTS_DIR"
test_status=$?

summary=$(summarise)
echo "$summary"
[[ $test_status -eq 0 && "$summary" == *" 0 failed" ]]
