#!/usr/bin/env bash
# Times hostile GraphQL requests against the real service on loopback, and ordinary queries alone and while the
# hostile ones keep coming. Figures, not assertions: the machine is shared, so report what you saw.
#   benchmarks/hostile-queries/run.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
work=$(mktemp -d /tmp/kg-hostile-XXXX)
port=${KG_BENCH_PORT:-5391}
url=http://127.0.0.1:$port/graphql

python3 benchmarks/hostile-queries/payloads.py "$work/payloads"
dotnet publish src/KnowledgeGraph.Api -c Release -o "$work/api" -nologo -v quiet >/dev/null
KG__Sqlite__Path="$work/graph.db" dotnet "$work/api/KnowledgeGraph.Api.dll" --urls "http://127.0.0.1:$port" >"$work/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$port/health" >/dev/null || { echo "the service did not start:" >&2; tail -20 "$work/service.log" >&2; exit 1; }

post() { curl -s -o "$work/answer" -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' --data-binary "@$1" "$url"; }
get() { curl -s -o "$work/answer" -w '%{http_code} %{time_total}\n' -G --data-urlencode "query@$1" "$url"; }
code() { python3 -c 'import json,sys; e=json.load(open(sys.argv[1])).get("errors") or [{}]; print(e[0].get("extensions",{}).get("code","-"))' "$work/answer" 2>/dev/null || echo "-"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

measure() { # name sender file
    local times=() status=""
    for _ in $(seq 1 "$rounds"); do
        read -r status seconds < <($2 "$3")
        times+=("$(awk -v s="$seconds" 'BEGIN {printf "%.1f", s*1000}')")
    done
    printf '| %s | %s | %s | %s ms |\n' "$1" "$status" "$(code)" "$(printf '%s\n' "${times[@]}" | median)"
}

echo "| request | HTTP status | extensions.code | median of $rounds |"
echo "| --- | --- | --- | --- |"
for name in ordinary-search ordinary-neighbourhood introspection-graphiql; do measure "$name (alone)" post "$work/payloads/$name.json"; done
for name in depth-100 aliases-10000 fragment-cycle fragment-bomb-2^40 query-5MB introspection-loop; do measure "$name" post "$work/payloads/$name.json"; done
measure "get-5MB" get "$work/payloads/get-5MB.query"

# Ordinary queries while one client keeps sending every hostile request in a loop.
( while true; do for name in depth-100 aliases-10000 fragment-bomb-2^40 query-5MB introspection-loop; do
      curl -s -o /dev/null -H 'Content-Type: application/json' --data-binary "@$work/payloads/$name.json" "$url" || true
  done; done ) &
flood=$!
for name in ordinary-search ordinary-neighbourhood; do measure "$name (under hostile load)" post "$work/payloads/$name.json"; done
kill $flood
