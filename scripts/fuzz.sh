#!/usr/bin/env bash
# Fuzzes one target with AFL++ and SharpFuzz for a number of minutes:  scripts/fuzz.sh reader|extractor|graphql MINUTES
# Installs what it needs (Debian's afl++, the SharpFuzz instrumenting tool into artifacts/), builds the harness of
# tests/fuzz/KnowledgeGraph.Fuzz into artifacts/fuzz/TARGET/bin, instruments the assemblies under test there (never
# the normal build output), seeds from tests/fuzz/TARGET/corpus and leaves AFL++'s output in artifacts/fuzz/TARGET/out.
# Exits non-zero when the run saved a crash or a hang. See tests/fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:-}
minutes=${2:-}
# Per target: the assemblies whose branches guide the fuzzer, and the time (ms) after which an input counts as a hang.
case "$target" in
    reader) instrumented=(KnowledgeGraph.Extraction.dll AngleSharp.dll); timeout_ms=5000 ;;
    extractor) instrumented=(KnowledgeGraph.Extraction.dll JiebaNet.Segmenter.dll); timeout_ms=20000 ;;
    graphql) instrumented=(KnowledgeGraph.Api.dll GraphQLParser.dll GraphQL.dll GraphQL.SystemTextJson.dll); timeout_ms=20000 ;;
    *) echo "usage: scripts/fuzz.sh reader|extractor|graphql MINUTES" >&2; exit 2 ;;
esac
[[ "$minutes" =~ ^[0-9]+$ && "$minutes" -gt 0 ]] || { echo "MINUTES must be a positive whole number" >&2; exit 2; }

log() { echo "fuzz: $*" >&2; }
work=artifacts/fuzz/$target
tools=artifacts/fuzz/tools
sharpfuzz_version=2.3.0

if ! command -v afl-fuzz >/dev/null; then
    log "installing Debian's afl++"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
fi
if [[ ! -x $tools/sharpfuzz ]]; then
    log "installing the sharpfuzz tool $sharpfuzz_version into $tools"
    dotnet tool install SharpFuzz.CommandLine --version "$sharpfuzz_version" --tool-path "$tools" >/dev/null
fi

log "building the harness into $work/bin"
rm -rf "$work/bin"
dotnet publish tests/fuzz/KnowledgeGraph.Fuzz/KnowledgeGraph.Fuzz.csproj -c Release -o "$work/bin" -nologo -v quiet
for assembly in "${instrumented[@]}"; do
    log "instrumenting $assembly"
    "$tools/sharpfuzz" "$work/bin/$assembly" >/dev/null
done

# Resume a previous run's queue when there is one, so that longer campaigns add up; otherwise seed from the corpus.
seeds=tests/fuzz/$target/corpus
[[ -f $work/out/default/fuzzer_stats ]] && seeds=-

# .NET reserves far more address space than it uses, so AFL's memory limit is off; the GC's hard limit bounds the
# heap instead, and going over it is an OutOfMemoryException, which AFL++ saves as a crash.
export DOTNET_GCHeapHardLimit=${KG_FUZZ_HEAP_LIMIT:-0x40000000}
# The harness loads its dictionaries and schema before the fork server answers: allow it a minute.
export AFL_FORKSRV_INIT_TMOUT=60000 AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
log "afl-fuzz for $minutes minutes on $target"
started=$(date +%s)
afl-fuzz -i "$seeds" -o "$work/out" -t "${KG_FUZZ_TIMEOUT_MS:-$timeout_ms}" -m none -V $((minutes * 60)) \
    -- dotnet "$work/bin/KnowledgeGraph.Fuzz.dll" "$target" >"$work/afl.log" 2>&1 || true

stats=$work/out/default/fuzzer_stats
[[ -f $stats ]] || { log "afl-fuzz did not start; see $work/afl.log"; tail -20 "$work/afl.log" >&2; exit 1; }
grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|peak_rss_mb|stability)' "$stats"
crashes=$(awk -F': *' '/^saved_crashes/ {print $2}' "$stats")
hangs=$(awk -F': *' '/^saved_hangs/ {print $2}' "$stats")
if [[ $crashes -ne 0 || $hangs -ne 0 ]]; then
    log "findings in $work/out/default/crashes and hangs; replay one with: dotnet $work/bin/KnowledgeGraph.Fuzz.dll $target < FILE"
    exit 1
fi
# afl-fuzz exits quietly when its fork server dies (the harness process ended without a signal AFL++ records), so a
# run that stopped well before its time counts as a failure, not as a clean campaign.
ran=$(( $(date +%s) - started ))
if grep -q "PROGRAM ABORT" "$work/afl.log" || (( ran < minutes * 60 - 30 )); then
    log "afl-fuzz stopped after ${ran}s of the $((minutes * 60))s asked for; see $work/afl.log"
    grep -A3 "PROGRAM ABORT" "$work/afl.log" >&2 || true
    exit 1
fi
