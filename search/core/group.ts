// Results grouped per case or note: the page with its best matching findings beneath, so five
// findings of one note take one place in the list and the cases a question is about follow.
import type { Facets, Filters } from './facets.ts';

/** How results are grouped; `npm run eval:search` measures the effect of changing it. */
export const GROUPING = {
  /** findings shown beneath a page: at most this many, */
  shown: 3,
  /** and only those scoring at least this share of the page's best finding (the rest: "more") */
  shownShare: 0.35,
  /** a page ranks by its best unit plus this share of its next best findings' scores (evidence) */
  evidence: 0.1,
};
export type Grouping = typeof GROUPING;
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
export function groupHits(hits: { units: ArrayLike<number>; scores: ArrayLike<number> } | null, facets: Facets, active: Filters, limit: number, opts: Grouping = GROUPING): Grouped {
  const n = hits ? hits.units.length : facets.units;
  const unitAt = (i: number) => (hits ? hits.units[i] : i);
  const scoreAt = (i: number) => (hits ? hits.scores[i] : 0);
  // per page its best score and the next best two (for the evidence share), in typed arrays
  const pages = facets.pageStart.length;
  const b0 = new Float64Array(pages).fill(-1);
  const b1 = new Float64Array(pages);
  const b2 = new Float64Array(pages);
  const touched: number[] = [];
  const passing: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = unitAt(i);
    if (active.size && !facets.passes(u, active)) continue;
    passing.push(i);
    const p = facets.pageOf[u];
    const s = scoreAt(i);
    if (b0[p] < 0) {
      touched.push(p);
      b0[p] = s;
    } else if (s > b0[p]) {
      b2[p] = b1[p];
      b1[p] = b0[p];
      b0[p] = s;
    } else if (s > b1[p]) {
      b2[p] = b1[p];
      b1[p] = s;
    } else if (s > b2[p]) b2[p] = s;
  }
  const rank = (p: number) => b0[p] + opts.evidence * (b1[p] + b2[p]);
  const ranks = new Float64Array(pages);
  for (const p of touched) ranks[p] = rank(p);
  const order = touched.sort((a, b) => ranks[b] - ranks[a] || a - b).slice(0, limit);
  const groups = new Map<number, Group & { all: Hit[] }>(order.map((page) => [page, { page, score: rank(page), pageHit: null, findings: [], more: [], all: [] }]));
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
    const shown = g.all.filter((h, i) => i < opts.shown && (!hits || h.score >= top * opts.shownShare));
    out.push({ page: g.page, score: g.score, pageHit: g.pageHit, findings: shown, more: g.all.slice(shown.length, shown.length + MORE) });
  }
  return { groups: out, totalGroups: touched.length, units: passing.length };
}
