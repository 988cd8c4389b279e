// The compare page's data (/vergelijk/): two cases side by side need their details and findings,
// not the whole corpus (findings.json is ~100 MB at 10 000 cases). The cases are spread over
// `graph.compareParts` files by a hash of their id (site/assets/js/compare-part.js), so the page
// finds any case — also from a link — in one small file; and in a corpus too large for the page's
// menus to list every case, each province's cases are listed (id and title) for the case menu of
// the province the visitor picks first.
import type { Graph } from '../link/index.ts';
import { partOf } from '../../site/assets/js/compare-part.js';
import { lazyFile, type OutputFile } from './index.ts';

type CaseView = Graph['cases'][number];
type FindingView = Graph['findings'][number];

const caseRecord = (c: CaseView) => ({
  id: c.id,
  title: c.title,
  region: c.meta.regio,
  province: c.meta.provincie,
  places: c.placeNames,
  schools: { vo: c.meta.scholen.vo, mbo: c.meta.scholen.mbo },
  routeType: c.meta.routetype,
  levels: c.meta.niveaus,
  period: c.meta.periode,
  themes: c.themes,
  findings: c.counts,
});

const findingRecord = (f: FindingView) => ({ id: f.id, type: f.type, text: f.text, themes: f.themes, case: f.owner.id, url: f.url });

export function compareFiles(g: Graph): OutputFile[] {
  const parts = Array.from({ length: g.compareParts }, () => ({ cases: [] as CaseView[], findings: [] as FindingView[] }));
  const partOfCase = new Map<string, number>();
  for (const c of g.cases) {
    const n = partOf(c.id, g.compareParts);
    partOfCase.set(c.id, n);
    parts[n].cases.push(c);
  }
  for (const f of g.findings) if (f.owner.collection === 'cases') parts[partOfCase.get(f.owner.id)!].findings.push(f);
  const files = parts.map((p, n) => lazyFile(`data/vergelijk/${n}.json`, () => JSON.stringify({ cases: p.cases.map(caseRecord), findings: p.findings.map(findingRecord) })));
  if (g.cases.length <= g.listInline) return files; // the page's menus list every case
  const byProvince = new Map<string, CaseView[]>();
  for (const c of g.cases) {
    const list = byProvince.get(c.meta.provincie) ?? byProvince.set(c.meta.provincie, []).get(c.meta.provincie)!;
    list.push(c);
  }
  return [...files, ...[...byProvince].map(([id, cases]) => lazyFile(`data/vergelijk/provincies/${id}.json`, () => JSON.stringify(cases.map((c) => ({ id: c.id, title: c.title })))))];
}
