// Wires the page together: search with suggestions, the two views, filters, the side panel, export and the language.
import { entityDetails, mostConnected, QueryError, relationDetails, suggestEntities, type EntitySummary } from "./api";
import { DealsView } from "./deals";
import { exportGraphml, exportPng } from "./export";
import { Filters } from "./filters";
import { typeColors } from "./graph";
import { escapeHtml } from "./html";
import { entityLabel, entityTypeName, language, setLanguage, t, type WordKey } from "./labels";
import { NetworkView } from "./network";
import { Panel } from "./panel";

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

const status = $("#status");
const searchBox = $<HTMLInputElement>("#search");
const suggestionList = $<HTMLUListElement>("#suggestions");
const hops = $<HTMLSelectElement>("#hops");
const inView = $<HTMLUListElement>("#in-view");
let view: "network" | "deals" = "network";
let showPanelAgain: (() => void) | null = null;

function say(kind: "info" | "empty" | "error", html: string): void {
  status.dataset.kind = kind;
  status.setAttribute("role", kind === "error" ? "alert" : "status");
  status.innerHTML = html;
}

function failed(error: unknown): void {
  const message = error instanceof QueryError ? error.message : String(error);
  say("error", escapeHtml(t("failed", message)));
}

const panel = new Panel($("#panel"), () => (showPanelAgain = null));
const filters = new Filters($("#filters"), () => {
  if (view === "network")
    network.filter();
  else
    void deals.render();
});

const network = new NetworkView($("#network"), filters.state, {
  nodeClicked: (id) => void showEntity(id),
  edgeClicked: (id, subjectId, type) => void showRelation(id, subjectId, type),
  backgroundClicked: () => panel.hide(),
  nodeExpanded: (id) => void expand(id),
  redrawn: () => describeNetwork(),
});

const deals = new DealsView($("#deals-graph"), $<HTMLTableElement>("#deals-table"), filters.state, {
  dealClicked: (deal, article, date) => {
    showPanelAgain = () => panel.showDeal(deal, article, date);
    showPanelAgain();
  },
  redrawn: () => describeDeals(),
});

function describeNetwork(): void {
  if (view !== "network" || !network.centre)
    return;
  const shown = network.shown();
  const centre = network.cy.getElementById(network.centre);
  if (shown.edges().empty())
    say("empty", escapeHtml(t("emptyNetwork", centre.data("label"))));
  else
    say("info", escapeHtml(t("shown", shown.nodes().length, shown.edges().length) + (network.truncated ? ` ${t("truncated")}` : "")));
  inView.innerHTML = shown.nodes().map((node) => `
    <li><button type="button" data-id="${escapeHtml(node.id())}">
      <span class="swatch" style="background:${typeColors[node.data("entityType")] ?? "#888"}"></span>${escapeHtml(node.data("label"))}
    </button></li>`).join("");
}

function describeDeals(): void {
  const count = deals.visibleDeals().length;
  if (count === 0)
    say("empty", escapeHtml(t("emptyDeals")));
  else
    say("info", escapeHtml(t("dealsShown", count, deals.organizationCount())));
}

async function showEntity(id: string): Promise<void> {
  network.cy.elements().unselect();
  network.cy.getElementById(id).select();
  try {
    const entity = await entityDetails(id);
    showPanelAgain = () => panel.showEntity(entity, {
      expand: (target) => void expand(target),
      togglePin: (target) => network.togglePin(target),
      centre: (target) => void openNetwork(target),
      isPinned: (target) => network.isPinned(target),
    });
    showPanelAgain();
  } catch (error) {
    failed(error);
  }
}

async function expand(id: string): Promise<void> {
  try {
    await network.expand(id);
    filters.widenYears(network.years());
    network.filter();
  } catch (error) {
    failed(error);
  }
}

async function showRelation(id: string, subjectId: string, type: string): Promise<void> {
  try {
    const relation = await relationDetails(id, subjectId, type);
    if (!relation) {
      panel.message(t("noEvidence"));
      return;
    }
    showPanelAgain = () => panel.showRelation(relation);
    showPanelAgain();
  } catch (error) {
    failed(error);
  }
}

async function openNetwork(id: string): Promise<void> {
  switchView("network");
  panel.hide();
  say("info", escapeHtml(t("loading")));
  try {
    await network.show(id, Number(hops.value));
    filters.setYears(network.years());
    network.filter();
  } catch (error) {
    failed(error);
  }
}

async function openDeals(): Promise<void> {
  say("info", escapeHtml(t("loading")));
  try {
    if (!deals.isLoaded) {
      await deals.load();
      filters.setYears(deals.years());
    }
    await deals.render();
  } catch (error) {
    failed(error);
  }
}

function switchView(next: "network" | "deals"): void {
  view = next;
  document.body.dataset.view = next;
  for (const tab of document.querySelectorAll<HTMLButtonElement>("[role=tab]"))
    tab.setAttribute("aria-selected", String(tab.dataset.view === next));
}

// Search with suggestions as you type.
let suggestions: EntitySummary[] = [];
let active = -1;
let typed = 0;
let debounce: number | undefined;

function renderSuggestions(): void {
  suggestionList.innerHTML = suggestions.map((entity, i) => `
    <li role="option" id="suggestion-${i}" data-id="${escapeHtml(entity.id)}" aria-selected="${i === active}">
      <span class="swatch" style="background:${typeColors[entity.type] ?? "#888"}"></span>
      <strong>${escapeHtml(entityLabel(entity))}</strong>
      <span class="muted">${escapeHtml(entityLabel(entity) === entity.name ? entity.chineseName ?? "" : entity.name)} · ${entityTypeName(entity.type)}</span>
    </li>`).join("");
  const open = suggestions.length > 0;
  suggestionList.hidden = !open;
  searchBox.setAttribute("aria-expanded", String(open));
  if (active >= 0)
    searchBox.setAttribute("aria-activedescendant", `suggestion-${active}`);
  else
    searchBox.removeAttribute("aria-activedescendant");
}

async function suggest(text: string): Promise<EntitySummary[]> {
  const request = ++typed;
  const found = text.trim() ? await suggestEntities(text.trim()) : [];
  // An older answer arriving after a newer one must not replace it.
  if (request === typed) {
    suggestions = found;
    active = -1;
    renderSuggestions();
  }
  return found;
}

function pick(entity: EntitySummary): void {
  searchBox.value = entityLabel(entity);
  suggestions = [];
  renderSuggestions();
  void openNetwork(entity.id);
}

searchBox.addEventListener("input", () => {
  window.clearTimeout(debounce);
  debounce = window.setTimeout(() => void suggest(searchBox.value).catch(failed), 150);
});

searchBox.addEventListener("keydown", (event) => {
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    if (!suggestions.length)
      return;
    event.preventDefault();
    active = (active + (event.key === "ArrowDown" ? 1 : -1) + suggestions.length) % suggestions.length;
    renderSuggestions();
  } else if (event.key === "Escape") {
    suggestions = [];
    renderSuggestions();
  } else if (event.key === "Enter") {
    event.preventDefault();
    window.clearTimeout(debounce);
    const text = searchBox.value;
    void (async () => {
      const candidates = active >= 0 ? suggestions : await suggest(text);
      const chosen = candidates[Math.max(active, 0)];
      if (chosen)
        pick(chosen);
      else if (text.trim())
        say("empty", escapeHtml(t("noMatch", text.trim())));
    })().catch(failed);
  }
});

suggestionList.addEventListener("mousedown", (event) => {
  // mousedown, not click: the search box would lose focus first and close the list.
  const option = (event.target as HTMLElement).closest<HTMLLIElement>("[role=option]");
  const entity = suggestions.find((s) => s.id === option?.dataset.id);
  if (entity) {
    event.preventDefault();
    pick(entity);
  }
});

searchBox.addEventListener("blur", () => {
  suggestions = [];
  renderSuggestions();
});

inView.addEventListener("click", (event) => {
  const id = (event.target as HTMLElement).closest<HTMLButtonElement>("button[data-id]")?.dataset.id;
  if (id)
    void showEntity(id);
});

hops.addEventListener("change", () => {
  if (network.centre)
    void openNetwork(network.centre);
});

for (const tab of document.querySelectorAll<HTMLButtonElement>("[role=tab]")) {
  tab.addEventListener("click", () => {
    const next = tab.dataset.view as "network" | "deals";
    switchView(next);
    panel.hide();
    if (next === "deals")
      void openDeals();
    else {
      if (network.years().length)
        filters.setYears(network.years());
      network.filter();
      if (!network.centre)
        void showStart();
    }
  });
}

const currentGraph = () => (view === "network" ? network.cy : deals.cy);
const exportName = () => `knowledge-graph-${view}${view === "network" && network.centre ? `-${network.centre.replace(/[^a-z0-9-]+/gi, "-")}` : ""}`;
$("#export-png").addEventListener("click", () => exportPng(currentGraph(), exportName()));
$("#export-graphml").addEventListener("click", () => exportGraphml(currentGraph(), exportName()));
$("#fit").addEventListener("click", () => currentGraph().fit(undefined, 40));
$("#relayout").addEventListener("click", () => void (view === "network" ? network.layout(true) : deals.render()));

function translatePage(): void {
  document.documentElement.lang = language() === "zh" ? "zh-CN" : "en";
  document.title = t("title");
  for (const element of document.querySelectorAll<HTMLElement>("[data-word]"))
    element.textContent = t(element.dataset.word as WordKey);
  searchBox.placeholder = t("searchPlaceholder");
  $("#language").textContent = language() === "zh" ? "English" : "中文";
}

$("#language").addEventListener("click", () => {
  setLanguage(language() === "zh" ? "en" : "zh");
  translatePage();
  filters.render();
  network.relabel();
  deals.relabel();
  if (view === "network")
    describeNetwork();
  else
    describeDeals();
  showPanelAgain?.();
});

async function showStart(): Promise<void> {
  try {
    const top = await mostConnected();
    if (!top.length) {
      say("empty", escapeHtml(t("noMatch", "*")));
      return;
    }
    say("info", `${escapeHtml(t("start"))} ${top.map((e) =>
      `<button type="button" class="chip" data-start="${escapeHtml(e.id)}">${escapeHtml(entityLabel(e))}</button>`).join(" ")}`);
  } catch (error) {
    failed(error);
  }
}

status.addEventListener("click", (event) => {
  const id = (event.target as HTMLElement).closest<HTMLButtonElement>("[data-start]")?.dataset.start;
  if (id)
    void openNetwork(id);
});

// For exploring from the browser console (and for the browser tests, which find nodes on the canvas through it).
Object.assign(window, { kg: { network: network.cy, deals: deals.cy } });

translatePage();
switchView("network");
void showStart();
