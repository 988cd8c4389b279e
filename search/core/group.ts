// Results grouped per case or note: the page with its best matching findings beneath, so five
// findings of one note take one place in the list and the cases a question is about follow.
import type { Facets, Filters } from './facets.ts';

/** Findings shown beneath a page: at most this many, */
export const SHOWN = 3;
/** and only those scoring at least this share of the page's best finding (the rest: "more"). */
const SHOWN_SHARE = 0.35;
/** Matching findings of one page listed under "more" (beyond that, the page itself lists them). */
const MORE = 12;

export interface Hit {
  unit: number;
  score: number;
}

export interface Group {
  page: number;
  score: number;
  /** the page's own unit, when it matched */
  pageHit: Hit | null;
  findings: Hit[];
  more: Hit[];
}

export interface Grouped {
  /** the first `limit` groups, best first */
  groups: Group[];
  totalGroups: number;
  /** units that pass the filters */
  units: number;
}

/**
 * Group matching units that pass the filters by page, pages ordered by their best unit (ties: index
 * order). Without a query (`hits` null) every unit passing the filters counts, in index order.
 */
export function groupHits(hits: { units: ArrayLike<number>; scores: ArrayLike<number> } | null, facets: Facets, active: Filters, limit: number): Grouped {
  const n = hits ? hits.units.length : facets.units;
  const unitAt = (i: number) => (hits ? hits.units[i] : i);
  const scoreAt = (i: number) => (hits ? hits.scores[i] : 0);
  const best = new Map<number, number>();
  const passing: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = unitAt(i);
    if (!facets.passes(u, active)) continue;
    passing.push(i);
    const p = facets.pageOf[u];
    const b = best.get(p);
    if (b === undefined || scoreAt(i) > b) best.set(p, scoreAt(i));
  }
  const order = [...best].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit);
  const groups = new Map<number, Group & { all: Hit[] }>(order.map(([page, score]) => [page, { page, score, pageHit: null, findings: [], more: [], all: [] }]));
  for (const i of passing) {
    const u = unitAt(i);
    const g = groups.get(facets.pageOf[u]);
    if (!g) continue;
    const h = { unit: u, score: scoreAt(i) };
    if (facets.isPage(u)) g.pageHit = h;
    else g.all.push(h);
  }
  const out: Group[] = [];
  for (const g of groups.values()) {
    g.all.sort((a, b) => b.score - a.score || a.unit - b.unit);
    const top = g.all[0]?.score ?? 0;
    const shown = g.all.filter((h, i) => i < SHOWN && (!hits || h.score >= top * SHOWN_SHARE));
    out.push({ page: g.page, score: g.score, pageHit: g.pageHit, findings: shown, more: g.all.slice(shown.length, shown.length + MORE) });
  }
  return { groups: out, totalGroups: best.size, units: passing.length };
}
