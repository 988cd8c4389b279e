// Facets and URL state. The state lives in the URL (?q=…&thema=…); everything read from it is
// untrusted: only the known facet keys are read, values are looked up in Maps (never as object
// properties, so "__proto__" or "toString" are just unknown values), values and counts are capped,
// and whatever is dropped gets a visible note.
import type { PageColumns, ThemeColumn } from './facet-table.ts';
import { capQuery, LIMITS } from './query.ts';
import type { FacetKey, SearchMeta, SearchState } from './types.ts';

export const FACETS: readonly { key: FacetKey; label: string }[] = [
  { key: 'type', label: 'Soort' },
  { key: 'thema', label: 'Thema' },
  { key: 'provincie', label: 'Provincie' },
  { key: 'route', label: 'Routetype' },
  { key: 'niveau', label: 'Niveau' },
  { key: 'sector', label: 'Sector' },
];

/** Caps on filter values read from a URL. */
export const URL_LIMITS = { valuesPerFacet: 20, valueChars: 80 } as const;

const shorten = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** Read the state from a query string ("?q=stage&thema=lob&thema=bpv"), capped, with notes on what was cut. */
export function parseState(queryString: string): { state: SearchState; notes: string[] } {
  const p = new URLSearchParams(queryString);
  const notes: string[] = [];
  const { q, cut } = capQuery(p.get('q') ?? '');
  if (cut) notes.push(`De zoekvraag was langer dan ${LIMITS.chars} tekens en is ingekort.`);
  const filters: SearchState['filters'] = {};
  for (const f of FACETS) {
    const all = p.getAll(f.key).map((v) => v.trim()).filter(Boolean);
    const ok = [...new Set(all.filter((v) => v.length <= URL_LIMITS.valueChars))];
    if (ok.length < new Set(all).size) notes.push(`Een te lange waarde voor het filter ${f.label} is genegeerd.`);
    if (ok.length > URL_LIMITS.valuesPerFacet) notes.push(`Alleen de eerste ${URL_LIMITS.valuesPerFacet} waarden voor het filter ${f.label} zijn gebruikt.`);
    if (ok.length) filters[f.key] = ok.slice(0, URL_LIMITS.valuesPerFacet);
  }
  return { state: { q, filters }, notes };
}

/** Write the state as a query string ('' when empty), facets in a fixed order. */
export function stateToQuery({ q, filters }: SearchState): string {
  const p = new URLSearchParams();
  if (q && q.trim()) p.set('q', q.trim());
  for (const f of FACETS) for (const v of filters[f.key] ?? []) p.append(f.key, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/**
 * Facet values and labels from the index, and the facet values of each unit (typed columns). The
 * theme column comes separately (themes.bin) and may be missing: then the theme facet is not
 * counted and cannot filter (the engine loads it first when a query filters on a theme).
 */
export class Facets {
  /** per facet: value id → index */
  private readonly index = new Map<FacetKey, Map<string, number>>();
  private readonly labels = new Map<FacetKey, string[]>();
  private readonly ids = new Map<FacetKey, string[]>();
  readonly pageOf: Int32Array;
  readonly pageStart: Int32Array;
  /** an empty theme column, for counting without one */
  private noThemes: ThemeColumn | null = null;

  constructor(
    meta: SearchMeta,
    readonly cols: PageColumns,
    public themes: ThemeColumn | null = null,
  ) {
    const v = meta.vocab;
    const set = (key: FacetKey, ids: string[], labels: string[]) => {
      this.ids.set(key, ids);
      this.labels.set(key, labels);
      this.index.set(key, new Map(ids.map((id, i) => [id, i])));
    };
    set('type', v.types.map((t) => t[0]), v.types.map((t) => t[1]));
    set('thema', v.themes.map((t) => t.id), v.themes.map((t) => t.label));
    set('provincie', v.provinces.map((p) => p.id), v.provinces.map((p) => p.label));
    set('route', v.routes.map((r) => r[0]), v.routes.map((r) => r[1]));
    set('niveau', v.levels, v.levels);
    set('sector', v.sectors.map((s) => s.id), v.sectors.map((s) => s.label));
    this.pageOf = cols.pageOf;
    this.pageStart = cols.pageStart;
  }

  get units(): number {
    return this.cols.type.length;
  }
  label(key: FacetKey, index: number): string {
    return this.labels.get(key)![index] ?? '';
  }
  isPage(unit: number): boolean {
    return this.pageStart[this.pageOf[unit]] === unit;
  }

  /** Call `fn` with each value index a unit has for a facet. */
  each(unit: number, key: FacetKey, fn: (v: number) => void): void {
    const c = this.cols;
    const p = c.pageOf[unit];
    switch (key) {
      case 'type':
        return fn(c.type[unit]);
      case 'thema': {
        const t = this.themes;
        if (t) for (let i = t.themesOff[unit]; i < t.themesOff[unit + 1]; i++) fn(t.themes[i]);
        return;
      }
      case 'provincie':
        if (c.province[p] >= 0) fn(c.province[p]);
        return;
      case 'route':
        if (c.route[p] >= 0) fn(c.route[p]);
        return;
      case 'niveau':
        for (let i = c.levelsOff[p]; i < c.levelsOff[p + 1]; i++) fn(c.levels[i]);
        return;
      case 'sector':
        for (let i = c.sectorsOff[p]; i < c.sectorsOff[p + 1]; i++) fn(c.sectors[i]);
        return;
    }
  }

  /** Keep the known filter values (as value indexes); a note for each unknown one. */
  validate(filters: SearchState['filters']): { active: Filters; kept: SearchState['filters']; notes: string[] } {
    const active: Filters = new Map();
    const kept: SearchState['filters'] = {};
    const notes: string[] = [];
    for (const f of FACETS) {
      const vs = filters[f.key] ?? [];
      const idx = this.index.get(f.key)!;
      const ok = vs.filter((v) => idx.has(v));
      for (const v of vs) if (!idx.has(v)) notes.push(`Het filter ${f.label} “${shorten(v)}” bestaat niet en is genegeerd.`);
      if (ok.length) {
        active.set(f.key, new Set(ok.map((v) => idx.get(v)!)));
        kept[f.key] = ok;
      }
    }
    return { active, kept, notes };
  }

  /** Per unit a bit per active facet it passes (bit i: the i-th active facet in FACETS order). */
  private mask(unit: number, active: Filters, keys: FacetKey[]): number {
    let m = 0;
    keys.forEach((k, b) => {
      const want = active.get(k)!;
      let hit = false;
      this.each(unit, k, (v) => {
        if (want.has(v)) hit = true;
      });
      if (hit) m |= 1 << b;
    });
    return m;
  }

  /** Whether a unit passes all active filters. */
  passes(unit: number, active: Filters): boolean {
    if (!active.size) return true;
    const keys = FACETS.map((f) => f.key).filter((k) => active.has(k));
    return this.mask(unit, active, keys) === (1 << keys.length) - 1;
  }

  /**
   * Counts per facet value over `units` (all units of the query, whether they pass the filters or
   * not): a value counts the units that have it and pass the filters of the other facets.
   * Selected values are listed even at 0. Typed arrays and no callbacks: at 10 000 cases a common
   * word matches tens of thousands of units. Without the theme column the theme facet stays empty.
   */
  count(units: ArrayLike<number>, active: Filters): Record<FacetKey, [string, string, number][]> {
    const c = this.cols;
    const t = this.themes ?? (this.noThemes ??= { themesOff: new Int32Array(this.units + 1), themes: new Uint16Array(0) });
    const keys = FACETS.map((f) => f.key);
    const counts = keys.map((k) => new Int32Array(this.ids.get(k)!.length));
    const [type, thema, provincie, route, niveau, sector] = counts;
    // per facet a lookup of the wanted values, or null when the facet has no filter
    const want = keys.map((k) => {
      const vs = active.get(k);
      if (!vs) return null;
      const w = new Uint8Array(this.ids.get(k)!.length);
      for (const v of vs) w[v] = 1;
      return w;
    });
    const any = (w: Uint8Array, list: Uint16Array, a: number, b: number) => {
      for (let i = a; i < b; i++) if (w[list[i]]) return 1;
      return 0;
    };
    const all = want.reduce((m, w, b) => (w ? m | (1 << b) : m), 0);
    for (let i = 0; i < units.length; i++) {
      const u = units[i];
      const p = c.pageOf[u];
      // a facet counts the unit when it passes every other facet's filter: bit b of `skip`
      // set means facet b may not count it
      let skip = 0;
      if (all) {
        let m = 0;
        if (want[0] && want[0][c.type[u]]) m |= 1;
        if (want[1] && any(want[1], t.themes, t.themesOff[u], t.themesOff[u + 1])) m |= 2;
        if (want[2] && c.province[p] >= 0 && want[2][c.province[p]]) m |= 4;
        if (want[3] && c.route[p] >= 0 && want[3][c.route[p]]) m |= 8;
        if (want[4] && any(want[4], c.levels, c.levelsOff[p], c.levelsOff[p + 1])) m |= 16;
        if (want[5] && any(want[5], c.sectors, c.sectorsOff[p], c.sectorsOff[p + 1])) m |= 32;
        const missing = all & ~m;
        if (missing & (missing - 1)) continue; // fails two filters: counts nowhere
        skip = missing ? ~missing & 63 : 0; // fails one: counts only in that facet
      }
      if (!(skip & 1)) type[c.type[u]]++;
      if (!(skip & 2)) for (let k = t.themesOff[u]; k < t.themesOff[u + 1]; k++) thema[t.themes[k]]++;
      if (!(skip & 4) && c.province[p] >= 0) provincie[c.province[p]]++;
      if (!(skip & 8) && c.route[p] >= 0) route[c.route[p]]++;
      if (!(skip & 16)) for (let k = c.levelsOff[p]; k < c.levelsOff[p + 1]; k++) niveau[c.levels[k]]++;
      if (!(skip & 32)) for (let k = c.sectorsOff[p]; k < c.sectorsOff[p + 1]; k++) sector[c.sectors[k]]++;
    }
    const out = {} as Record<FacetKey, [string, string, number][]>;
    keys.forEach((key, f) => {
      const chosen = active.get(key) ?? new Set<number>();
      const rows: [string, string, number][] = [];
      counts[f].forEach((n, v) => {
        if (n > 0 || chosen.has(v)) rows.push([this.ids.get(key)![v], this.label(key, v), n]);
      });
      out[key] = rows.sort((a, b) => b[2] - a[2] || a[1].localeCompare(b[1], 'nl'));
    });
    return out;
  }
}

export type Filters = Map<FacetKey, Set<number>>;
