// The three engines of the search evaluation, each answering a query with the same result shape:
// pages (cases and notes) in rank order, each with the findings shown beneath it (at most three).
//   ours        the site's own engine on the built index files (the worker's code, in Node)
//   Pagefind    1.5.2 over the built case and note pages; its sub-results (the anchors whose region
//               holds the hits) are the findings beneath a page, as Pagefind's own UI shows them
//   lunr        lunr with its default English pipeline over the same units, fields and boosts;
//               its flat results grouped by page in order of first appearance
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import lunrPlain from 'lunr';
import type { Graph } from '../pipeline/link/index.ts';
import { searchUnits, TEXT_FIELDS } from '../pipeline/index/units.ts';
import { openSiteEngine } from '../search/node.ts';
import { PAGEFIND_BASE, servePagefindFrom, writePagefindIndex } from './pagefind-site.ts';

export interface Group {
  page: string;
  findings: string[];
}
export type Engine = (q: string) => Promise<Group[]>;

const SHOWN = 3;

export async function oursEngine(site: string): Promise<{ run: Engine; times: number[] }> {
  const engine = await openSiteEngine(site);
  const times: number[] = [];
  return {
    times,
    run: async (q) => {
      const t0 = performance.now();
      const r = await engine.search({ q, filters: {} }, 10);
      times.push(performance.now() - t0);
      return r.groups.map((g) => ({ page: g.id, findings: g.findings.map((f) => f.id) }));
    },
  };
}

/** lunr's default pipeline over the same units and text fields (boosts included), grouped by page. */
export function defaultLunrEngine(graph: Graph): Engine {
  const { units, fragments } = searchUnits(graph);
  const start = new Map<number, number>();
  units.forEach((u, i) => start.has(u.page) || start.set(u.page, i));
  const ids = units.map((u, i) => {
    const f = fragments[u.page];
    return u.kind === 'f' ? `${f.id}#${f.findings[i - start.get(u.page)! - 1][0]}` : f.id;
  });
  const index = lunrPlain(function () {
    this.ref('ref');
    TEXT_FIELDS.forEach((f) => this.field(f.name, f.boost === 1 ? {} : { boost: f.boost }));
    units.forEach((u, i) => this.add({ ref: String(i), ...Object.fromEntries(TEXT_FIELDS.map((f, k) => [f.name, u.text[k]])) }));
  });
  return async (q) => {
    const terms = lunrPlain.tokenizer(q).map((t) => t.toString().replace(/[:^~*+-]/g, '')).filter(Boolean);
    if (!terms.length) return [];
    const hits = index.query((qq) => terms.forEach((t) => qq.term(t, {})));
    return groupFlat(hits.map((h) => ids[Number(h.ref)]));
  };
}

/** Group a flat ranked list of ids (page or page#finding) by page, in order of first appearance. */
export function groupFlat(ids: string[]): Group[] {
  const groups = new Map<string, Group>();
  for (const id of ids) {
    const page = id.split('#')[0];
    let g = groups.get(page);
    if (!g) groups.set(page, (g = { page, findings: [] }));
    if (id.includes('#') && g.findings.length < SHOWN) g.findings.push(id);
  }
  return [...groups.values()];
}

/** Pagefind 1.5.2 on the built case and note pages; runs all queries, then cleans up. */
export async function pagefindRuns(site: string, graph: Graph, queries: string[]): Promise<Map<string, Group[]>> {
  const outDir = await writePagefindIndex(site, 'kb-eval-pagefind-');
  const restore = servePagefindFrom(outDir);
  try {
    const pf = await import(pathToFileURL(join(outDir, 'pagefind.js')).href);
    await pf.options({ basePath: PAGEFIND_BASE, baseUrl: '/' });
    await pf.init();

    const pageOf = new Map([...graph.cases, ...graph.notes].map((p) => [p.url, { id: p.id, findings: new Set(p.findingIds.map((f) => f.split('#')[1])) }]));
    const out = new Map<string, Group[]>();
    for (const q of queries) {
      const r = await pf.search(q);
      const datas = await Promise.all(r.results.slice(0, 10).map((x: { data(): Promise<unknown> }) => x.data()));
      const groups: Group[] = [];
      for (const d of datas as { url: string; locations: number[]; anchors: { id: string; location: number }[] }[]) {
        const path = new URL(d.url, 'http://x').pathname;
        const page = pageOf.get(path);
        if (!page) continue;
        // the finding whose anchor region (to the next element with an id) holds each hit
        const anchors = [...d.anchors].sort((a, b) => a.location - b.location);
        const hits = new Map<string, number>();
        for (const loc of d.locations) {
          let cur: (typeof anchors)[number] | undefined;
          for (const a of anchors) if (a.location <= loc) cur = a;
          if (cur && page.findings.has(cur.id)) hits.set(`${page.id}#${cur.id}`, (hits.get(`${page.id}#${cur.id}`) ?? 0) + 1);
        }
        groups.push({ page: page.id, findings: [...hits].sort((a, b) => b[1] - a[1]).slice(0, SHOWN).map(([f]) => f) });
      }
      out.set(q, groups);
    }
    return out;
  } finally {
    restore();
    rmSync(outDir, { recursive: true, force: true });
  }
}
