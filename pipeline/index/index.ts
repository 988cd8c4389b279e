// Stage 5 — index: a prebuilt lunr index (Dutch stemmer and stop words, diacritics folded) over
// cases, notes and every finding, plus the small document store the results and facets need.
import { createRequire } from 'node:module';
import lunr from 'lunr';
import type { Graph } from '../link/index.ts';
import { fold } from '../util/text.ts';
import { compactIndex, setupLunr } from '../../site/assets/js/search-core.js';

const require = createRequire(import.meta.url);
require('lunr-languages/lunr.stemmer.support')(lunr);
require('lunr-languages/lunr.nl')(lunr);
const kbPlugin = setupLunr(lunr) as lunr.Builder.Plugin;

/**
 * One search unit, kept small because it is downloaded: themes are indexes into `vocab.themes`,
 * and a finding refers to its owner's unit (`o`) for title, url, province, route, levels, sectors.
 */
export interface SearchDoc {
  /** kind: c = case, n = note, f = finding */
  k: 'c' | 'n' | 'f';
  /** finding type, for findings */
  ty?: string;
  /** title (cases and notes) */
  t?: string;
  /** text used for the snippet */
  x: string;
  /** url (cases and notes) */
  u?: string;
  /** owner unit (findings) and anchor */
  o?: number;
  a?: string;
  /** theme indexes into vocab.themes */
  th: number[];
  /** facets of cases: province, route type, levels, sectors */
  p?: string;
  r?: string;
  l?: string[];
  s?: string[];
}

export interface SearchVocab {
  themes: { id: string; token: string; label: string; phrases: string[] }[];
  provinces: { id: string; token: string; label: string; phrases: string[] }[];
}

export interface SearchData {
  index: object;
  docs: SearchDoc[];
  vocab: SearchVocab;
}

const phrase = (s: string) =>
  fold(s)
    .split(/[^a-z0-9&'/]+/)
    .filter(Boolean)
    .join(' ');

export function searchVocab(graph: Graph): SearchVocab {
  return {
    themes: graph.themes.map((t, i) => ({
      id: t.id,
      token: `th${i}`,
      label: t.label,
      phrases: [...new Set([t.id.replace(/-/g, ' '), phrase(t.label), ...t.synoniemen.map(phrase)])].filter((p) => p.length >= 2).sort(),
    })),
    provinces: graph.vocab.provinces.map((p, i) => ({
      id: p.id,
      token: `pv${i}`,
      label: p.label,
      phrases: [...new Set([phrase(p.label), ...(p.synoniemen ?? []).map(phrase)])].sort(),
    })),
  };
}

export function buildSearchIndex(graph: Graph): SearchData {
  const vocab = searchVocab(graph);
  const themeToken = new Map(vocab.themes.map((t) => [t.id, t.token]));
  const provinceToken = new Map(vocab.provinces.map((p) => [p.id, p.token]));
  const themeIndex = new Map(vocab.themes.map((t, i) => [t.id, i]));
  const docs: SearchDoc[] = [];
  const rows: { ref: string; title: string; themes: string; places: string; body: string }[] = [];
  const add = (doc: SearchDoc, themes: string[], fields: { title: string; places: string; body: string; province?: string }) => {
    const ref = String(docs.length);
    docs.push(doc);
    rows.push({
      ref,
      title: fields.title,
      themes: themes.map((t) => themeToken.get(t)).join(' '),
      // the province token rides in the places field: one field less keeps the index smaller
      places: [fields.places, fields.province ? (provinceToken.get(fields.province) ?? '') : ''].join(' ').trim(),
      body: fields.body,
    });
    return docs.length - 1;
  };
  const th = (ids: string[]) => ids.map((t) => themeIndex.get(t)!).filter((i) => i !== undefined);

  // cases carry their region, towns, province and schools, so a town or province finds its case;
  // findings are found by their own text and themes and inherit the case's facets in the browser
  const unitOf = new Map<string, number>();
  for (const c of graph.cases) {
    const i = add(
      { k: 'c', t: c.title, x: c.summary, u: c.url, th: th(c.themes), p: c.meta.provincie, r: c.meta.routetype, l: c.meta.niveaus, s: c.meta.sectoren },
      c.themes,
      {
        title: c.title,
        places: [c.meta.regio, ...c.placeNames, c.provinceLabel, ...c.meta.scholen.vo, ...c.meta.scholen.mbo].join(' '),
        province: c.meta.provincie,
        body: [c.summary, c.proseText, c.meta.opleidingen.join(' '), c.routeLabel, c.sectorLabels.join(' ')].join(' '),
      },
    );
    unitOf.set(c.id, i);
  }
  for (const n of graph.notes) {
    unitOf.set(n.id, add({ k: 'n', t: n.title, x: n.summary, u: n.url, th: th(n.themes) }, n.themes, { title: n.title, places: '', body: [n.summary, n.proseText].join(' ') }));
  }
  for (const f of graph.findings) {
    add({ k: 'f', ty: f.type, x: f.text, o: unitOf.get(f.owner.id)!, a: f.localId, th: th(f.themes) }, f.themes, { title: '', places: '', body: f.text });
  }

  const index = lunr(function () {
    this.use(kbPlugin);
    this.ref('ref');
    this.field('title', { boost: 6 });
    this.field('themes', { boost: 4 });
    this.field('places', { boost: 3 });
    this.field('body');
    for (const r of rows) this.add(r);
  });
  return { index: compactIndex(index.toJSON()), docs, vocab };
}

export { lunr };
