// The side panel: an entity's names, aliases and relations with their evidence, or one relation's or deal's evidence.
import type { ArticleSummary, Deal, EntityDetails, EntityRelation, EvidenceItem } from "./api";
import { escapeHtml } from "./html";
import { entityLabel, entityTypeName, formatAmount, formatDate, relationName, t } from "./labels";

export interface EntityActions {
  expand(id: string): void;
  togglePin(id: string): void;
  centre(id: string): void;
  isPinned(id: string): boolean;
}

function evidenceList(items: EvidenceItem[], total: number): string {
  if (!items.length)
    return `<p class="muted">${t("noEvidence")}</p>`;
  const more = total > items.length ? `<li class="muted">${t("more", total - items.length)}</li>` : "";
  return `<ul class="evidence">${items.map((e) => `
    <li><blockquote>${escapeHtml(e.sentence.text)}</blockquote>
      <cite>${escapeHtml(e.article.title ?? e.article.id)} · <time>${formatDate(e.article.publishedAt)}</time></cite></li>`).join("")}
    ${more}</ul>`;
}

function relationSummary(relation: EntityRelation, viewpoint?: string): string {
  const other = relation.subject.id === viewpoint ? relation.object : relation.subject;
  const arrow = relation.subject.id === viewpoint ? "→" : "←";
  const amount = relation.attributes.amount != null ? ` · ${formatAmount(relation.attributes.amount, relation.attributes.currency)}` : "";
  const dates = relation.firstDate && relation.lastDate && relation.firstDate !== relation.lastDate
    ? `${formatDate(relation.firstDate)} – ${formatDate(relation.lastDate)}`
    : formatDate(relation.firstDate ?? relation.attributes.date);
  return `${viewpoint ? `${arrow} ${escapeHtml(entityLabel(other))}` : ""}
    <span class="muted">${dates}${amount} · ${t("confidence")} ${relation.confidence.toFixed(2)}</span>`;
}

export class Panel {
  constructor(private readonly root: HTMLElement, private readonly closed: () => void) {
    root.addEventListener("click", (event) => {
      if ((event.target as HTMLElement).closest("[data-close]"))
        this.hide();
    });
  }

  hide(): void {
    this.root.hidden = true;
    this.root.innerHTML = "";
    this.closed();
  }

  message(text: string): void {
    this.open(`<p role="status">${escapeHtml(text)}</p>`);
  }

  showEntity(entity: EntityDetails, actions: EntityActions): void {
    const groups = new Map<string, EntityRelation[]>();
    for (const { node } of entity.relations.edges)
      groups.set(node.type, [...(groups.get(node.type) ?? []), node]);
    const names = [entity.name, entity.chineseName].filter((n): n is string => !!n);
    const pinWord = actions.isPinned(entity.id) ? t("unpin") : t("pin");
    this.open(`
      <h2>${escapeHtml(entityLabel(entity))}</h2>
      <dl>
        <dt>${t("names")}</dt><dd>${names.map(escapeHtml).join(" · ")}</dd>
        <dt>${t("aliases")}</dt><dd>${entity.aliases.map(escapeHtml).join("、") || "—"}</dd>
        <dt>${t("type")}</dt><dd>${entityTypeName(entity.type)}</dd>
        <dt>${t("degree")}</dt><dd>${entity.degree}</dd>
      </dl>
      <div class="actions">
        <button type="button" data-action="expand">${t("expand")}</button>
        <button type="button" data-action="pin" aria-pressed="${actions.isPinned(entity.id)}">${pinWord}</button>
        <button type="button" data-action="centre">${t("centre")}</button>
      </div>
      <h3>${t("relations")}</h3>
      ${[...groups].map(([type, relations]) => `
        <section class="relation-group">
          <h4>${relationName(type)} <span class="muted">(${relations.length})</span></h4>
          <ul>${relations.map((r) => `
            <li>${relationSummary(r, entity.id)}
              ${evidenceList(r.evidence.edges.map((e) => e.node), r.evidence.totalCount)}</li>`).join("")}
          </ul>
        </section>`).join("")}`);
    this.root.querySelector("[data-action=expand]")!.addEventListener("click", () => actions.expand(entity.id));
    this.root.querySelector("[data-action=centre]")!.addEventListener("click", () => actions.centre(entity.id));
    const pin = this.root.querySelector<HTMLButtonElement>("[data-action=pin]")!;
    pin.addEventListener("click", () => {
      actions.togglePin(entity.id);
      pin.textContent = actions.isPinned(entity.id) ? t("unpin") : t("pin");
      pin.setAttribute("aria-pressed", String(actions.isPinned(entity.id)));
    });
  }

  showRelation(relation: EntityRelation): void {
    this.open(`
      <h2>${escapeHtml(entityLabel(relation.subject))} <span class="relation-type">${relationName(relation.type)}</span>
        ${escapeHtml(entityLabel(relation.object))}</h2>
      <p>${relationSummary(relation)}</p>
      <h3>${t("evidence")}</h3>
      ${evidenceList(relation.evidence.edges.map((e) => e.node), relation.evidence.totalCount)}`);
  }

  showDeal(deal: Deal, article: ArticleSummary | undefined, date: string | null): void {
    this.open(`
      <h2>${relationName(deal.kind)} · ${formatAmount(deal.amount, deal.currency)}</h2>
      <dl>
        <dt>${t("date")}</dt><dd>${formatDate(date)}</dd>
        <dt>${t("parties")}</dt><dd>${deal.parties.map((p) => `${escapeHtml(entityLabel(p.entity))} <span class="muted">(${escapeHtml(p.role)})</span>`).join("、")}</dd>
        <dt>${t("confidence")}</dt><dd>${deal.confidence.toFixed(2)}</dd>
      </dl>
      <h3>${t("evidence")}</h3>
      ${evidenceList([{ sentence: deal.evidence, article: article ?? { id: deal.articleId, title: null, publishedAt: null }, confidence: deal.confidence }], 1)}`);
  }

  private open(html: string): void {
    this.root.innerHTML = `<button type="button" class="close" data-close aria-label="${t("close")}">×</button>${html}`;
    this.root.hidden = false;
  }
}
