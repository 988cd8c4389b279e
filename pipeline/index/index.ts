// Stage 5 — index: a prebuilt lunr index (Dutch stemmer and stop words, diacritics folded) over
// cases, notes and every finding, plus the small document store the results and facets need.
import { createRequire } from 'node:module';
import lunr from 'lunr';
import type { Graph } from '../link/index.ts';
import { fold } from '../util/text.ts';
import { setupLunr } from '../../site/assets/js/search-core.js';

const require = createRequire(import.meta.url);
require('lunr-languages/lunr.stemmer.support')(lunr);
require('lunr-languages/lunr.nl')(lunr);
const kbPlugin = setupLunr(lunr) as lunr.Builder.Plugin;

export interface SearchDoc {
  /** kind: c = case, n = note, f = finding */
  k: 'c' | 'n' | 'f';
  /** finding type, for findings */
  ty?: string;
  /** title of the case or note */
  t: string;
  /** text used for the snippet */
  x: string;
  u: string;
  /** facets: theme ids, province id, route type, levels, sectors */
  th: string[];
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
  const caseById = new Map(graph.cases.map((c) => [c.id, c]));
  const docs: SearchDoc[] = [];
  const rows: { ref: string; title: string; themes: string; province: string; places: string; body: string }[] = [];
  const add = (doc: SearchDoc, fields: { title: string; places: string; body: string; province?: string }) => {
    const ref = String(docs.length);
    docs.push(doc);
    rows.push({
      ref,
      title: fields.title,
      themes: doc.th.map((t) => themeToken.get(t)).join(' '),
      province: fields.province ? (provinceToken.get(fields.province) ?? '') : '',
      places: fields.places,
      body: fields.body,
    });
  };
  const placeText = (caseId: string | null) => {
    const c = caseId ? caseById.get(caseId) : undefined;
    return c ? [c.meta.regio, ...c.placeNames, c.provinceLabel, ...c.meta.scholen.vo, ...c.meta.scholen.mbo].join(' ') : '';
  };

  for (const c of graph.cases) {
    add(
      { k: 'c', t: c.title, x: c.summary, u: c.url, th: c.themes, p: c.meta.provincie, r: c.meta.routetype, l: c.meta.niveaus, s: c.meta.sectoren },
      { title: c.title, places: placeText(c.id), province: c.meta.provincie, body: [c.summary, c.proseText, c.meta.opleidingen.join(' '), c.routeLabel, c.sectorLabels.join(' ')].join(' ') },
    );
  }
  for (const n of graph.notes) {
    add({ k: 'n', t: n.title, x: n.summary, u: n.url, th: n.themes }, { title: n.title, places: '', body: [n.summary, n.proseText].join(' ') });
  }
  for (const f of graph.findings) {
    const c = f.owner.collection === 'cases' ? caseById.get(f.owner.id) : undefined;
    add(
      { k: 'f', ty: f.type, t: f.owner.title, x: f.text, u: f.url, th: f.themes, p: c?.meta.provincie, r: c?.meta.routetype, l: c?.meta.niveaus, s: c?.meta.sectoren },
      { title: '', places: placeText(c?.id ?? null), province: c?.meta.provincie, body: [f.text, f.group ?? ''].join(' ') },
    );
  }

  const index = lunr(function () {
    this.use(kbPlugin);
    this.ref('ref');
    this.field('title', { boost: 6 });
    this.field('themes', { boost: 4 });
    this.field('province', { boost: 3 });
    this.field('places', { boost: 3 });
    this.field('body');
    for (const r of rows) this.add(r);
  });
  return { index: index.toJSON(), docs, vocab };
}

export { lunr };
