// The deals view: who is linked to whom by deals in the chosen period, and the same deals as a sortable table.
import type cytoscape from "cytoscape";
import { allArticles, allDeals, type ArticleSummary, type Deal } from "./api";
import { amountWeight, createGraph, edgeLabel, nodeData, relabel, runLayout } from "./graph";
import { passes, yearOf, type FilterState } from "./filters";
import { escapeHtml } from "./html";
import { entityLabel, formatAmount, formatDate, relationName, t } from "./labels";

type SortKey = "date" | "kind" | "parties" | "amount";

export interface DealEvents {
  dealClicked(deal: Deal, article: ArticleSummary | undefined, date: string | null): void;
  /** After every change of what is shown. */
  redrawn(): void;
}

export class DealsView {
  readonly cy: cytoscape.Core;
  private deals: Deal[] = [];
  private articles = new Map<string, ArticleSummary>();
  private sort: { key: SortKey; descending: boolean } = { key: "date", descending: true };
  private loaded = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly table: HTMLTableElement,
    private readonly filters: FilterState,
    private readonly events: DealEvents,
  ) {
    this.cy = createGraph(container);
    this.cy.on("tap", "edge", (e) => this.select(e.target.id()));
    table.addEventListener("click", (event) => {
      const target = event.target as HTMLElement;
      const header = target.closest<HTMLButtonElement>("button[data-sort]");
      if (header) {
        const key = header.dataset.sort as SortKey;
        this.sort = { key, descending: this.sort.key === key ? !this.sort.descending : key === "amount" || key === "date" };
        this.renderTable();
        return;
      }
      const row = target.closest<HTMLTableRowElement>("tr[data-deal]");
      if (row)
        this.select(row.dataset.deal!);
    });
    table.addEventListener("keydown", (event) => {
      const row = (event.target as HTMLElement).closest<HTMLTableRowElement>("tr[data-deal]");
      if (row && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        this.select(row.dataset.deal!);
      }
    });
  }

  get isLoaded(): boolean {
    return this.loaded;
  }

  /** Reads every deal and the articles that date them; the period and kinds are then applied here, without a reload. */
  async load(): Promise<void> {
    const [deals, articles] = await Promise.all([allDeals(), allArticles()]);
    this.deals = deals;
    this.articles = new Map(articles.map((a) => [a.id, a]));
    this.loaded = true;
  }

  /** A deal's own date, or else the day its article was published. */
  dateOf(deal: Deal): string | null {
    return deal.date ?? this.articles.get(deal.articleId)?.publishedAt?.slice(0, 10) ?? null;
  }

  years(): number[] {
    return this.deals.map((d) => yearOf(this.dateOf(d))).filter((y): y is number => y != null);
  }

  visibleDeals(): Deal[] {
    return this.deals.filter((d) => {
      const date = this.dateOf(d);
      return d.parties.length >= 2 && passes(this.filters, d.kind, d.confidence, date, date);
    });
  }

  async render(): Promise<void> {
    const deals = this.visibleDeals();
    this.cy.elements().remove();
    const parties = new Map(deals.flatMap((d) => d.parties.map((p) => [p.entity.id, p.entity] as const)));
    this.cy.add([
      ...[...parties.values()].map((entity) => ({ group: "nodes" as const, data: nodeData(entity) })),
      ...deals.map((deal) => ({
        group: "edges" as const,
        data: {
          id: deal.id,
          source: deal.parties[0].entity.id,
          target: deal.parties[1].entity.id,
          relationType: deal.kind,
          label: edgeLabel(deal.kind, deal.amount, deal.currency),
          confidence: deal.confidence,
          firstDate: this.dateOf(deal),
          lastDate: this.dateOf(deal),
          amount: deal.amount,
          currency: deal.currency,
          weight: amountWeight(deal.amount),
          isDeal: true,
        },
      })),
    ]);
    this.renderTable();
    this.events.redrawn();
    this.container.dataset.state = "layout";
    await runLayout(this.cy, true);
    this.container.dataset.state = "ready";
  }

  relabel(): void {
    relabel(this.cy);
    this.renderTable();
  }

  organizationCount(): number {
    return this.cy.nodes().length;
  }

  private select(id: string): void {
    const deal = this.deals.find((d) => d.id === id);
    if (!deal)
      return;
    this.cy.elements().unselect();
    this.cy.getElementById(id).select();
    this.table.querySelectorAll("tr[aria-selected]").forEach((row) => row.removeAttribute("aria-selected"));
    this.table.querySelector(`tr[data-deal="${CSS.escape(id)}"]`)?.setAttribute("aria-selected", "true");
    this.events.dealClicked(deal, this.articles.get(deal.articleId), this.dateOf(deal));
  }

  private partiesText(deal: Deal): string {
    return deal.parties.map((p) => entityLabel(p.entity)).join(" → ");
  }

  private compare(a: Deal, b: Deal): number {
    switch (this.sort.key) {
      case "date":
        return (this.dateOf(a) ?? "").localeCompare(this.dateOf(b) ?? "");
      case "kind":
        return relationName(a.kind).localeCompare(relationName(b.kind));
      case "parties":
        return this.partiesText(a).localeCompare(this.partiesText(b));
      case "amount":
        // Amounts in different currencies are compared as numbers: the table orders, it does not convert.
        return (a.amount ?? -1) - (b.amount ?? -1);
    }
  }

  private renderTable(): void {
    const rows = this.visibleDeals().sort((a, b) => (this.sort.descending ? -1 : 1) * this.compare(a, b));
    const header = (key: SortKey, word: "date" | "kind" | "parties" | "amount") => {
      const sorted = this.sort.key === key ? (this.sort.descending ? "descending" : "ascending") : "none";
      const arrow = sorted === "none" ? "" : sorted === "descending" ? " ▼" : " ▲";
      return `<th scope="col" aria-sort="${sorted}"><button type="button" data-sort="${key}">${t(word)}${arrow}</button></th>`;
    };
    this.table.innerHTML = `
      <thead><tr>${header("date", "date")}${header("kind", "kind")}${header("parties", "parties")}${header("amount", "amount")}</tr></thead>
      <tbody>${rows.map((deal) => `
        <tr data-deal="${escapeHtml(deal.id)}" tabindex="0">
          <td>${formatDate(this.dateOf(deal))}</td>
          <td>${relationName(deal.kind)}</td>
          <td>${escapeHtml(this.partiesText(deal))}</td>
          <td class="amount">${formatAmount(deal.amount, deal.currency)}</td>
        </tr>`).join("")}
      </tbody>`;
  }
}
