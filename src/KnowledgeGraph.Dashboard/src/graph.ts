// The cytoscape canvas both views draw on: styles by entity type, degree and deal amount, and the force-directed layout.
import cytoscape from "cytoscape";
import fcose from "cytoscape-fcose";
import type { EntitySummary, RelationEdge } from "./api";
import { dealKinds, entityLabel, formatAmount, relationName } from "./labels";

cytoscape.use(fcose);

const typeStyles: Record<string, { color: string; shape: cytoscape.Css.NodeShape }> = {
  Organization: { color: "#2f6fb3", shape: "round-rectangle" },
  Person: { color: "#d9822b", shape: "ellipse" },
  Product: { color: "#3a9d5d", shape: "diamond" },
  Location: { color: "#8a5cb8", shape: "triangle" },
};

export const typeColors = Object.fromEntries(Object.entries(typeStyles).map(([type, style]) => [type, style.color]));

export interface NodeData {
  id: string;
  name: string;
  chineseName: string | null;
  entityType: string;
  degree: number;
  aliases: string[];
  label: string;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  relationType: string;
  label: string;
  confidence: number;
  firstDate: string | null;
  lastDate: string | null;
  amount: number | null;
  currency: string | null;
  /** 0 for relations without an amount; otherwise grows with log10 of the amount. */
  weight: number;
  isDeal: boolean;
}

export function nodeData(entity: EntitySummary): NodeData {
  return {
    id: entity.id,
    name: entity.name,
    chineseName: entity.chineseName,
    entityType: entity.type,
    degree: entity.degree,
    aliases: entity.aliases,
    label: entityLabel(entity),
  };
}

export function amountWeight(amount: number | null): number {
  return amount && amount > 1 ? Math.log10(amount) : 0;
}

export function edgeData(edge: RelationEdge): EdgeData {
  const amount = edge.attributes.amount;
  return {
    id: edge.id,
    source: edge.subject.id,
    target: edge.object.id,
    relationType: edge.type,
    label: edgeLabel(edge.type, amount, edge.attributes.currency),
    confidence: edge.confidence,
    firstDate: edge.firstDate ?? edge.attributes.date,
    lastDate: edge.lastDate ?? edge.attributes.date,
    amount,
    currency: edge.attributes.currency,
    weight: amountWeight(amount),
    isDeal: dealKinds.includes(edge.type),
  };
}

export function edgeLabel(type: string, amount: number | null, currency: string | null): string {
  return amount == null ? relationName(type) : `${relationName(type)} ${formatAmount(amount, currency)}`;
}

/** Re-reads every label after the language changes. */
export function relabel(cy: cytoscape.Core): void {
  cy.nodes().forEach((node) => {
    node.data("label", entityLabel({ name: node.data("name"), chineseName: node.data("chineseName") }));
  });
  cy.edges().forEach((edge) => {
    edge.data("label", edgeLabel(edge.data("relationType"), edge.data("amount"), edge.data("currency")));
  });
}

const style: cytoscape.StylesheetJson = [
  {
    selector: "node",
    style: {
      label: "data(label)",
      "font-family": "'Noto Sans CJK SC', 'WenQuanYi Zen Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif",
      "font-size": 12,
      "text-valign": "bottom",
      "text-margin-y": 4,
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.75,
      "text-background-padding": "1px",
      color: "#1d2733",
      width: "mapData(degree, 0, 20, 18, 64)",
      height: "mapData(degree, 0, 20, 18, 64)",
      "border-width": 1,
      "border-color": "#ffffff",
    },
  },
  ...Object.entries(typeStyles).map(([type, s]) => ({
    selector: `node[entityType = "${type}"]`,
    style: { "background-color": s.color, shape: s.shape },
  })),
  { selector: "node.centre", style: { "border-width": 4, "border-color": "#1d2733" } },
  { selector: "node.pinned", style: { "border-width": 3, "border-style": "dashed", "border-color": "#c0392b" } },
  { selector: "node:selected", style: { "overlay-color": "#f1c40f", "overlay-opacity": 0.35, "overlay-padding": 6 } },
  {
    selector: "edge",
    style: {
      label: "data(label)",
      "font-size": 10,
      color: "#4a5866",
      "text-rotation": "autorotate",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.8,
      "text-background-padding": "1px",
      width: 1.5,
      "line-color": "#9aa7b4",
      "target-arrow-color": "#9aa7b4",
      "target-arrow-shape": "triangle",
      "curve-style": "bezier",
      "arrow-scale": 0.8,
    },
  },
  {
    selector: "edge[?isDeal]",
    style: {
      "line-color": "#c0392b",
      "target-arrow-color": "#c0392b",
      width: "mapData(weight, 0, 11, 2, 12)",
    },
  },
  { selector: "edge:selected", style: { "line-color": "#f1c40f", "target-arrow-color": "#f1c40f" } },
  { selector: ".filtered", style: { display: "none" } },
];

export function createGraph(container: HTMLElement): cytoscape.Core {
  const cy = cytoscape({ container, style, wheelSensitivity: 0.3, minZoom: 0.1, maxZoom: 4 });
  // cytoscape follows the window's size but not its container's (panels opening, views switching).
  new ResizeObserver(() => cy.resize()).observe(container);
  return cy;
}

/** Runs the force-directed layout over what is shown; pinned (locked) nodes keep their places. Resolves when it stops. */
export function runLayout(cy: cytoscape.Core, randomize: boolean): Promise<void> {
  const shown = cy.elements().not(".filtered");
  if (shown.empty())
    return Promise.resolve();
  return new Promise((resolve) => {
    const layout = shown.layout({
      name: "fcose",
      randomize,
      animate: false,
      fit: true,
      padding: 40,
      nodeDimensionsIncludeLabels: true,
      idealEdgeLength: () => 110,
      nodeRepulsion: () => 9000,
    } as cytoscape.LayoutOptions);
    layout.one("layoutstop", () => resolve());
    layout.run();
  });
}
