"""Writes the hostile GraphQL requests the benchmark sends, one JSON body (or query string) per file."""
import json
import pathlib
import sys

out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)


def body(name, query, variables=None):
    (out / f"{name}.json").write_text(json.dumps({"query": query, "variables": variables or {}}, ensure_ascii=False))


steps = ["relations", "edges", "node", "subject"]
leaves = ["totalCount", "cursor", "type", "id"]
chain = " { ".join(steps[i % 4] for i in range(98))
body("depth-100", '{ entity(id: "org:openai") { ' + chain + " { " + leaves[97 % 4] + " " + "} " * 99 + "}")
body("aliases-10000", "{ " + " ".join(f"a{i}: stats {{ articles }}" for i in range(10_000)) + " }")
body("fragment-cycle", '{ entity(id: "org:openai") { ...A } } fragment A on Entity { name relations { edges { node { subject { ...B } } } } } fragment B on Entity { id ...A }')
bomb = "query { ...F0 } " + " ".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(40)) + " fragment F40 on Query { stats { articles } }"
body("fragment-bomb-2^40", bomb)
body("query-5MB", "{ stats { articles } }\n#" + "x" * (5 * 1024 * 1024))
loop = "{ __schema { types { name " + "fields { name type { name " * 6 + "} } " * 6 + "} } }"
body("introspection-loop", loop)
(out / "get-5MB.query").write_text("{ stats { articles } }#" + "x" * (5 * 1024 * 1024))
body("ordinary-search", 'query { entities(search: "Open", first: 10) { totalCount edges { node { id name type degree } } } }')
body("ordinary-neighbourhood", '{ neighbourhood(id: "org:openai", depth: 2) { nodes { id name } edges { type } } }')
body("introspection-graphiql", "query IntrospectionQuery { __schema { queryType { name } types { kind name fields(includeDeprecated: true) "
     "{ name args { name type { kind name ofType { kind name ofType { kind name } } } } type { kind name ofType { kind name ofType { kind name } } } } } } }")
