// Stage 5 — index: a prebuilt lunr index (Dutch stemmer with fixes, stop words, diacritics folded;
// all analysis in site/assets/js/search-core.js, shared with the browser) over cases, notes and
// every finding, plus the small document store the results and facets need.
// Units: one per case, note and finding, so a result can deep-link to the finding's anchor.
// Fields: title (case/note title), themes (tokens th<N>), province (pv<N>), sector (sc<N>),
// places (town, region, schools, province name) and body (text).
import { createRequire } from 'node:module';
import lunr from 'lunr';
import type { Graph } from '../link/index.ts';
import { packIndex, setupLunr, words } from '../../site/assets/js/search-core.js';

const require = createRequire(import.meta.url);
require('lunr-languages/lunr.stemmer.support')(lunr);
require('lunr-languages/lunr.nl')(lunr);
const kbPlugin = setupLunr(lunr) as lunr.Builder.Plugin;

/** Field boosts: names and codes above body text. */
export const FIELD_BOOSTS = { title: 5, themes: 3, province: 2, sector: 1, places: 4, ctx: 0.5, body: 1 } as const;

/**
 * Compact document store entry. Cases and notes carry everything; findings point at their owner
 * (`o`, index in the store) and carry their anchor (`a`), type and themes; search-core's
 * expandDocs fills in title, URL and the owner's facets.
 */
export interface SearchDoc {
  /** kind: c = case, n = note, f = finding */
  k: 'c' | 'n' | 'f';
  /** case/note id */
  id?: string;
  /** finding type */
  ty?: string;
  /** case/note title */
  t?: string;
  /** text for the snippet */
  x: string;
  u?: string;
  /** owner (findings): index of the case or note in the store */
  o?: number;
  /** anchor (findings): the finding's local id */
  a?: string;
  /** facets: theme ids, province id, route type, levels, sectors */
  th: string[];
  p?: string;
  r?: string;
  l?: string[];
  s?: string[];
}

interface VocabItem {
  id: string;
  token: string;
  label: string;
  phrases: string[];
}

export interface SearchVocab {
  themes: VocabItem[];
  provinces: VocabItem[];
  sectors: VocabItem[];
  routes: Record<string, string>;
}

export interface SearchData {
  /** packed lunr index (search-core's packIndex / loadIndex) */
  index: object;
  docs: SearchDoc[];
  vocab: SearchVocab;
}

/** Other names people use for places in the corpus. */
const PLACE_ALIASES: Record<string, string[]> = {
  's-hertogenbosch': ['Den Bosch'],
};

const phrase = (s: string) => words(s).join(' ');

export function searchVocab(graph: Graph): SearchVocab {
  return {
    themes: graph.themes.map((t, i) => ({
      id: t.id,
      token: `th${i}`,
      label: t.label,
      phrases: [...new Set([t.id.replace(/-/g, ' '), phrase(t.label), phrase(t.label.replace(/\(.*?\)/g, '')), ...t.synoniemen.map(phrase)])].filter((p) => p.length >= 2).sort(),
    })),
    provinces: graph.vocab.provinces.map((p, i) => ({
      id: p.id,
      token: `pv${i}`,
      label: p.label,
      phrases: [...new Set([phrase(p.label), ...(p.synoniemen ?? []).map(phrase)])].sort(),
    })),
    // "breed" (all sectors) is an everyday adjective ("een breed profiel"): only its label expands
    sectors: graph.vocab.sectors.map((s, i) => ({
      id: s.id,
      token: `sc${i}`,
      label: s.label,
      phrases: [...new Set([phrase(s.label), ...(s.id === 'breed' ? [] : (s.synoniemen ?? []).map(phrase))])].filter((p) => p.length >= 2).sort(),
    })),
    routes: Object.fromEntries(graph.vocab.routeTypes.map((r) => [r.id, r.label])),
  };
}

export interface Row {
  ref: string;
  title: string;
  themes: string;
  province: string;
  sector: string;
  places: string;
  ctx: string;
  body: string;
}

/** The indexed units: the document store and, in the same order, the field texts to index. */
export function searchUnits(graph: Graph): { docs: SearchDoc[]; rows: Row[]; vocab: SearchVocab } {
  const vocab = searchVocab(graph);
  const themeToken = new Map(vocab.themes.map((t) => [t.id, t.token]));
  const provinceToken = new Map(vocab.provinces.map((p) => [p.id, p.token]));
  const sectorToken = new Map(vocab.sectors.map((s) => [s.id, s.token]));
  const caseById = new Map(graph.cases.map((c) => [c.id, c]));
  const docs: SearchDoc[] = [];
  const rows: Row[] = [];
  const ownerIndex = new Map<string, number>();
  const add = (doc: SearchDoc, r: Omit<Row, 'ref' | 'themes' | 'ctx'> & { ctx?: string }) => {
    const ref = String(docs.length);
    docs.push(doc);
    rows.push({ ref, themes: doc.th.map((t) => themeToken.get(t)).join(' '), ctx: '', ...r });
    return docs.length - 1;
  };
  const tokens = (ids: string[] | undefined, map: Map<string, string>) => (ids ?? []).map((id) => map.get(id) ?? '').join(' ');

  for (const c of graph.cases) {
    const places = [c.meta.regio, ...c.placeNames, c.provinceLabel, ...c.meta.scholen.vo, ...c.meta.scholen.mbo, ...(PLACE_ALIASES[c.id] ?? [])].join(' · ');
    const i = add(
      { k: 'c', id: c.id, t: c.title, x: c.summary, u: c.url, th: c.themes, p: c.meta.provincie, r: c.meta.routetype, l: c.meta.niveaus, s: c.meta.sectoren },
      {
        title: c.title,
        province: provinceToken.get(c.meta.provincie) ?? '',
        sector: tokens(c.meta.sectoren, sectorToken),
        places,
        body: [c.summary, c.proseText, c.meta.opleidingen.join(' · '), c.routeLabel, c.sectorLabels.join(' · '), c.meta.niveaus.join(' · ')].join(' · '),
      },
    );
    ownerIndex.set(`cases/${c.id}`, i);
  }
  for (const n of graph.notes) {
    const i = add({ k: 'n', id: n.id, t: n.title, x: n.summary, u: n.url, th: n.themes }, { title: n.title, province: '', sector: '', places: '', body: [n.summary, n.proseText].join(' · ') });
    ownerIndex.set(`notes/${n.id}`, i);
  }
  for (const f of graph.findings) {
    const c = f.owner.collection === 'cases' ? caseById.get(f.owner.id) : undefined;
    add(
      { k: 'f', ty: f.type, x: f.text, o: ownerIndex.get(`${f.owner.collection}/${f.owner.id}`), a: f.localId, th: f.themes },
      {
        title: '',
        province: c ? (provinceToken.get(c.meta.provincie) ?? '') : '',
        sector: tokens(c?.meta.sectoren, sectorToken),
        // the finding's case by place name, in a low-weight field of its own: "stage Weert" finds
        // Weert's findings, while a bare town or province name ranks the case itself first
        places: '',
        ctx: c ? [...c.placeNames, ...(PLACE_ALIASES[c.id] ?? [])].join(' · ') : '',
        body: [f.text, f.group ?? ''].join(' · '),
      },
    );
  }

  return { docs, rows, vocab };
}

/**
 * Fill a lunr builder (Node only) with the units. The site ships the builder's postings
 * (packIndex); `index` builds lunr's own index from the same builder on demand (tests, evaluation).
 */
export function buildSearch(graph: Graph): { builder: lunr.Builder; readonly index: lunr.Index; docs: SearchDoc[]; vocab: SearchVocab } {
  const { docs, rows, vocab } = searchUnits(graph);
  const builder = new lunr.Builder();
  builder.use(kbPlugin);
  builder.ref('ref');
  for (const [f, boost] of Object.entries(FIELD_BOOSTS)) builder.field(f, boost === 1 ? {} : { boost });
  for (const r of rows) builder.add(r);
  let index: lunr.Index | null = null;
  return {
    builder,
    get index() {
      return (index ??= builder.build());
    },
    docs,
    vocab,
  };
}

export function buildSearchIndex(graph: Graph): SearchData {
  const { builder, docs, vocab } = buildSearch(graph);
  return { index: packIndex(builder), docs, vocab };
}

export { lunr };
