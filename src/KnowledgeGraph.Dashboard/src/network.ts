// The entity-centred view: a 1–2 hop neighbourhood, expanded in place, with nodes that can be pinned.
import type cytoscape from "cytoscape";
import { neighbourhood, type Neighbourhood } from "./api";
import { createGraph, edgeData, nodeData, relabel, runLayout } from "./graph";
import { passes, yearOf, type FilterState } from "./filters";

export interface NetworkEvents {
  nodeClicked(id: string): void;
  edgeClicked(id: string, subjectId: string, type: string): void;
  backgroundClicked(): void;
  /** A double click: the page expands the node, so the filters learn of the years it brings. */
  nodeExpanded(id: string): void;
  /** After every change of what is shown: loading, expanding, filtering. */
  redrawn(): void;
}

export class NetworkView {
  readonly cy: cytoscape.Core;
  private centreId: string | null = null;
  truncated = false;

  constructor(private readonly container: HTMLElement, private readonly filters: FilterState, private readonly events: NetworkEvents) {
    this.cy = createGraph(container);
    this.cy.on("tap", "node", (e) => events.nodeClicked(e.target.id()));
    this.cy.on("tap", "edge", (e) => events.edgeClicked(e.target.id(), e.target.data("source"), e.target.data("relationType")));
    this.cy.on("tap", (e) => {
      if (e.target === this.cy)
        events.backgroundClicked();
    });
    this.cy.on("dbltap", "node", (e) => events.nodeExpanded(e.target.id()));
  }

  get centre(): string | null {
    return this.centreId;
  }

  /** Replaces the view with the neighbourhood of one entity. */
  async show(id: string, depth: number): Promise<Neighbourhood> {
    const found = await neighbourhood(id, depth);
    this.centreId = id;
    this.cy.elements().remove();
    this.add(found);
    this.truncated = found.truncated;
    this.cy.getElementById(id).addClass("centre");
    this.filter();
    await this.layout(true);
    return found;
  }

  /** Adds an entity's direct neighbours around it, leaving everything already drawn where it is. */
  async expand(id: string): Promise<void> {
    const found = await neighbourhood(id, 1);
    const origin = this.cy.getElementById(id).position();
    const added = this.add(found);
    added.nodes().positions((_, i) => {
      const angle = (2 * Math.PI * i) / Math.max(added.nodes().length, 1);
      return { x: origin.x + 120 * Math.cos(angle), y: origin.y + 120 * Math.sin(angle) };
    });
    this.truncated ||= found.truncated;
    this.filter();
    await this.layout(false);
  }

  togglePin(id: string): void {
    const node = this.cy.getElementById(id);
    if (node.locked()) {
      node.unlock();
      node.removeClass("pinned");
    } else {
      node.lock();
      node.addClass("pinned");
    }
  }

  isPinned(id: string): boolean {
    return this.cy.getElementById(id).locked();
  }

  /** Hides edges the filters reject, then nodes left without a shown edge (the centre and pinned nodes stay). */
  filter(): void {
    const state = this.filters;
    this.cy.batch(() => {
      this.cy.edges().forEach((edge) => {
        const shown = passes(state, edge.data("relationType"), edge.data("confidence"), edge.data("firstDate"), edge.data("lastDate"));
        edge.toggleClass("filtered", !shown);
      });
      this.cy.nodes().forEach((node) => {
        const kept = node.id() === this.centreId || node.locked() || node.connectedEdges().not(".filtered").nonempty();
        node.toggleClass("filtered", !kept);
      });
    });
    this.events.redrawn();
  }

  years(): number[] {
    return this.cy.edges().toArray().flatMap((edge) =>
      [yearOf(edge.data("firstDate")), yearOf(edge.data("lastDate"))].filter((y): y is number => y != null));
  }

  shown(): cytoscape.Collection {
    return this.cy.elements().not(".filtered");
  }

  relabel(): void {
    relabel(this.cy);
  }

  async layout(randomize: boolean): Promise<void> {
    this.container.dataset.state = "layout";
    await runLayout(this.cy, randomize);
    this.container.dataset.state = "ready";
  }

  private add(found: Neighbourhood): cytoscape.Collection {
    const nodes = found.nodes.filter((n) => this.cy.getElementById(n.id).empty());
    const edges = found.edges.filter((e) => this.cy.getElementById(e.id).empty());
    return this.cy.add([
      ...nodes.map((n) => ({ group: "nodes" as const, data: nodeData(n) })),
      ...edges.map((e) => ({ group: "edges" as const, data: edgeData(e) })),
    ]);
  }
}
