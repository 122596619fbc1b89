#!/usr/bin/env python3
"""The notebook's steps with the standard library only: search, neighbourhood and deals from the GraphQL API,
then a deal network drawn as SVG.

    python3 deal_network.py --url http://127.0.0.1:5080 --search 微软 --output-dir out

Prints one JSON summary on stdout; writes deal_network.svg and deal_network.json (nodes and links) to the output folder.
"""
import argparse
import json
import math
import os
import sys
import urllib.error
import urllib.request
from xml.sax.saxutils import escape

SEARCH = """query Find($q: String!) {
  entities(search: $q, first: 5) { edges { node { id name chineseName type degree } } }
}"""

NEIGHBOURHOOD = """query Around($id: ID!) {
  neighbourhood(id: $id, depth: 2, limit: 200) {
    nodes { id name type }
    edges { type subject { id } object { id } }
  }
}"""

DEALS = """query Deals($after: String) {
  deals(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { kind amount currency date parties { role entity { id name chineseName type } } } }
  }
}"""


def graphql(url, query, variables=None, api_key=None):
    """POST a query; return its data or raise with the server's error messages."""
    body = json.dumps({"query": query, "variables": variables or {}}).encode("utf-8")
    request = urllib.request.Request(url.rstrip("/") + "/graphql", data=body, method="POST")
    request.add_header("Content-Type", "application/json")
    request.add_header("Accept", "application/json")
    if api_key:
        request.add_header("X-Api-Key", api_key)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            answer = json.load(response)
    except urllib.error.HTTPError as error:
        answer = json.load(error)
    if answer.get("errors"):
        raise RuntimeError("; ".join(e.get("message", "?") for e in answer["errors"]))
    return answer["data"]


def all_deals(url, api_key=None):
    """Every deal, page by page, following the cursor to the end."""
    after = None
    while True:
        page = graphql(url, DEALS, {"after": after}, api_key)["deals"]
        for edge in page["edges"]:
            yield edge["node"]
        if not page["pageInfo"]["hasNextPage"]:
            return
        after = page["pageInfo"]["endCursor"]


def deal_network(deals):
    """Nodes are deal parties; a link per deal from its first role to each other party, weighted by deal count."""
    nodes, links = {}, {}
    for deal in deals:
        parties = deal["parties"]
        for party in parties:
            entity = party["entity"]
            nodes.setdefault(entity["id"], {"id": entity["id"], "label": entity.get("chineseName") or entity["name"], "type": entity["type"], "deals": 0})
            nodes[entity["id"]]["deals"] += 1
        for source in parties[:1]:
            for target in parties[1:]:
                key = (source["entity"]["id"], target["entity"]["id"], deal["kind"])
                link = links.setdefault(key, {"source": key[0], "target": key[1], "kind": deal["kind"], "count": 0, "amount": 0.0})
                link["count"] += 1
                link["amount"] += float(deal["amount"] or 0)
    return list(nodes.values()), list(links.values())


KIND_COLOURS = {"INVESTED_IN": "#1f77b4", "ACQUIRED": "#d62728", "ACQUIHIRED": "#9467bd", "PARTNERED_WITH": "#2ca02c", "LICENSED_TO": "#ff7f0e"}


def svg(nodes, links, size=800):
    """A circular layout: nodes on a ring sized by deal count, links coloured by deal kind."""
    centre, radius = size / 2, size / 2 - 120
    position = {}
    for i, node in enumerate(sorted(nodes, key=lambda n: (-n["deals"], n["id"]))):
        angle = 2 * math.pi * i / max(1, len(nodes))
        position[node["id"]] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle), node)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 {size} {size}" font-family="sans-serif" font-size="12">',
             '<rect width="100%" height="100%" fill="white"/>']
    for link in links:
        x1, y1, _ = position[link["source"]]
        x2, y2, _ = position[link["target"]]
        colour = KIND_COLOURS.get(link["kind"], "#7f7f7f")
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" stroke-width="{1 + link["count"]}" opacity="0.7"><title>{escape(link["kind"])}</title></line>')
    for x, y, node in position.values():
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{4 + 2 * math.sqrt(node["deals"]):.1f}" fill="#444"/>')
        parts.append(f'<text x="{x + 8:.1f}" y="{y + 4:.1f}">{escape(node["label"])}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("KG_URL", "http://127.0.0.1:5080"))
    parser.add_argument("--search", default="微软", help="name to look up (Chinese or English)")
    parser.add_argument("--output-dir", default=".")
    parser.add_argument("--api-key", default=os.environ.get("KG_API_KEY"), help="only needed when queries require a key")
    args = parser.parse_args(argv)

    hits = [e["node"] for e in graphql(args.url, SEARCH, {"q": args.search}, args.api_key)["entities"]["edges"]]
    if not hits:
        print(f"nothing found for '{args.search}'", file=sys.stderr)
        return 1
    focus = hits[0]
    around = graphql(args.url, NEIGHBOURHOOD, {"id": focus["id"]}, args.api_key)["neighbourhood"]
    deals = list(all_deals(args.url, args.api_key))
    nodes, links = deal_network(deals)

    os.makedirs(args.output_dir, exist_ok=True)
    with open(os.path.join(args.output_dir, "deal_network.svg"), "w", encoding="utf-8") as f:
        f.write(svg(nodes, links))
    with open(os.path.join(args.output_dir, "deal_network.json"), "w", encoding="utf-8") as f:
        json.dump({"nodes": nodes, "links": links}, f, ensure_ascii=False, indent=1)

    busiest = sorted(nodes, key=lambda n: (-n["deals"], n["id"]))[:5]
    print(json.dumps({
        "search": args.search,
        "focus": focus["id"],
        "neighbourhood": {"nodes": len(around["nodes"]), "edges": len(around["edges"])},
        "deals": len(deals),
        "dealKinds": sorted({d["kind"] for d in deals}),
        "network": {"nodes": len(nodes), "links": len(links)},
        "busiest": [n["id"] for n in busiest],
    }, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
