// The filter controls (relation and deal kinds, a year range, a minimum confidence) and the test an edge must pass.
import { dealKinds, otherRelationTypes, relationName, t } from "./labels";

export interface FilterState {
  kinds: Set<string>;
  fromYear: number | null;
  toYear: number | null;
  minConfidence: number;
}

export function yearOf(date: string | null): number | null {
  const year = date ? Number.parseInt(date.slice(0, 4), 10) : Number.NaN;
  return Number.isNaN(year) ? null : year;
}

/** Undated items are kept: a year range cannot say anything about them. */
export function inYears(state: FilterState, firstDate: string | null, lastDate: string | null): boolean {
  const first = yearOf(firstDate) ?? yearOf(lastDate);
  const last = yearOf(lastDate) ?? first;
  if (first == null || last == null)
    return true;
  return (state.fromYear == null || last >= state.fromYear) && (state.toYear == null || first <= state.toYear);
}

export function passes(state: FilterState, kind: string, confidence: number, firstDate: string | null, lastDate: string | null): boolean {
  return state.kinds.has(kind) && confidence >= state.minConfidence && inYears(state, firstDate, lastDate);
}

export class Filters {
  readonly state: FilterState = { kinds: new Set([...dealKinds, ...otherRelationTypes]), fromYear: null, toYear: null, minConfidence: 0 };
  private bounds: [number, number] | null = null;

  constructor(private readonly root: HTMLElement, private readonly changed: () => void) {
    root.addEventListener("input", (event) => this.read(event.target as HTMLInputElement));
    this.render();
  }

  /** Sets the slider's ends to the years present in what is loaded, and selects all of them. */
  setYears(years: number[]): void {
    this.bounds = years.length ? [Math.min(...years), Math.max(...years)] : null;
    this.state.fromYear = this.bounds?.[0] ?? null;
    this.state.toYear = this.bounds?.[1] ?? null;
    this.render();
  }

  /** Makes room for years that expanding brought in; an end that was at the old edge of the slider moves to the new one. */
  widenYears(years: number[]): void {
    if (!this.bounds || !years.length) {
      this.setYears(years);
      return;
    }
    const [low, high] = [Math.min(this.bounds[0], ...years), Math.max(this.bounds[1], ...years)];
    if (this.state.fromYear === this.bounds[0])
      this.state.fromYear = low;
    if (this.state.toYear === this.bounds[1])
      this.state.toYear = high;
    this.bounds = [low, high];
    this.render();
  }

  render(): void {
    const kindBox = (kind: string) => `
      <label class="check"><input type="checkbox" data-kind="${kind}" ${this.state.kinds.has(kind) ? "checked" : ""}>
        <span>${relationName(kind)}</span></label>`;
    const yearSlider = (id: string, word: "from" | "to", value: number | null) => this.bounds
      ? `<label class="slider" for="${id}">${t(word)} <output id="${id}-value">${value}</output></label>
         <input type="range" id="${id}" min="${this.bounds[0]}" max="${this.bounds[1]}" step="1" value="${value}">`
      : "";
    this.root.innerHTML = `
      <fieldset><legend>${t("dealKinds")}</legend>${dealKinds.map(kindBox).join("")}</fieldset>
      <fieldset><legend>${t("otherRelations")}</legend>${otherRelationTypes.map(kindBox).join("")}</fieldset>
      <fieldset class="years"><legend>${t("years")}</legend>
        ${yearSlider("year-from", "from", this.state.fromYear)}
        ${yearSlider("year-to", "to", this.state.toYear)}
      </fieldset>
      <fieldset><legend>${t("minConfidence")}</legend>
        <label class="slider" for="min-confidence"><output id="min-confidence-value">${this.state.minConfidence.toFixed(2)}</output></label>
        <input type="range" id="min-confidence" min="0" max="1" step="0.05" value="${this.state.minConfidence}">
      </fieldset>`;
  }

  private read(input: HTMLInputElement): void {
    if (input.dataset.kind) {
      if (input.checked)
        this.state.kinds.add(input.dataset.kind);
      else
        this.state.kinds.delete(input.dataset.kind);
    } else if (input.id === "year-from" || input.id === "year-to") {
      const value = Number(input.value);
      // The two ends never cross: moving one past the other drags the other along.
      if (input.id === "year-from") {
        this.state.fromYear = value;
        if (this.state.toYear != null && value > this.state.toYear)
          this.state.toYear = value;
      } else {
        this.state.toYear = value;
        if (this.state.fromYear != null && value < this.state.fromYear)
          this.state.fromYear = value;
      }
      this.showYears();
    } else if (input.id === "min-confidence") {
      this.state.minConfidence = Number(input.value);
      this.root.querySelector<HTMLOutputElement>("#min-confidence-value")!.value = this.state.minConfidence.toFixed(2);
    }
    this.changed();
  }

  private showYears(): void {
    const from = this.root.querySelector<HTMLInputElement>("#year-from")!;
    const to = this.root.querySelector<HTMLInputElement>("#year-to")!;
    from.value = String(this.state.fromYear);
    to.value = String(this.state.toYear);
    this.root.querySelector<HTMLOutputElement>("#year-from-value")!.value = String(this.state.fromYear);
    this.root.querySelector<HTMLOutputElement>("#year-to-value")!.value = String(this.state.toYear);
  }
}
