// Saves what the canvas shows: a PNG image, or GraphML that other graph tools (Gephi, yEd, networkx) read.
import type cytoscape from "cytoscape";

const GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";

interface Key {
  id: string;
  owner: "node" | "edge";
  type: "string" | "int" | "double";
  field: string;
}

const keys: Key[] = [
  { id: "label", owner: "node", type: "string", field: "label" },
  { id: "name", owner: "node", type: "string", field: "name" },
  { id: "chineseName", owner: "node", type: "string", field: "chineseName" },
  { id: "entityType", owner: "node", type: "string", field: "entityType" },
  { id: "degree", owner: "node", type: "int", field: "degree" },
  { id: "relationType", owner: "edge", type: "string", field: "relationType" },
  { id: "edgeLabel", owner: "edge", type: "string", field: "label" },
  { id: "confidence", owner: "edge", type: "double", field: "confidence" },
  { id: "amount", owner: "edge", type: "double", field: "amount" },
  { id: "currency", owner: "edge", type: "string", field: "currency" },
  { id: "firstDate", owner: "edge", type: "string", field: "firstDate" },
  { id: "lastDate", owner: "edge", type: "string", field: "lastDate" },
];

export function toGraphml(elements: cytoscape.Collection): string {
  const doc = document.implementation.createDocument(GRAPHML_NS, "graphml", null);
  const root = doc.documentElement;
  for (const key of keys) {
    const element = doc.createElementNS(GRAPHML_NS, "key");
    element.setAttribute("id", key.id);
    element.setAttribute("for", key.owner);
    element.setAttribute("attr.name", key.field === "label" && key.owner === "edge" ? "label" : key.field);
    element.setAttribute("attr.type", key.type);
    root.appendChild(element);
  }
  const graph = doc.createElementNS(GRAPHML_NS, "graph");
  graph.setAttribute("id", "knowledge-graph");
  graph.setAttribute("edgedefault", "directed");
  root.appendChild(graph);

  const appendData = (owner: Element, element: cytoscape.SingularElementArgument, kind: "node" | "edge") => {
    for (const key of keys.filter((k) => k.owner === kind)) {
      const value = element.data(key.field);
      if (value == null)
        continue;
      const data = doc.createElementNS(GRAPHML_NS, "data");
      data.setAttribute("key", key.id);
      data.textContent = String(value);
      owner.appendChild(data);
    }
  };
  elements.nodes().forEach((node) => {
    const element = doc.createElementNS(GRAPHML_NS, "node");
    element.setAttribute("id", node.id());
    appendData(element, node, "node");
    graph.appendChild(element);
  });
  elements.edges().forEach((edge) => {
    const element = doc.createElementNS(GRAPHML_NS, "edge");
    element.setAttribute("id", edge.id());
    element.setAttribute("source", edge.source().id());
    element.setAttribute("target", edge.target().id());
    appendData(element, edge, "edge");
    graph.appendChild(element);
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}`;
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the blob by the time the click returns; give it a moment before letting go.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function exportGraphml(cy: cytoscape.Core, baseName: string): void {
  download(new Blob([toGraphml(cy.elements().not(".filtered"))], { type: "application/graphml+xml" }), `${baseName}.graphml`);
}

export function exportPng(cy: cytoscape.Core, baseName: string): void {
  const png = cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff" });
  download(png, `${baseName}.png`);
}
