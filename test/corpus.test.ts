// Invariants of the real corpus in sources/: what a beleidsmaker relies on.
import { beforeAll, describe, expect, it } from 'vitest';
import { check, makeConfig, type CheckResult } from '../pipeline/build.ts';
import { buildSearchIndex } from '../pipeline/index/index.ts';
import { link, type Graph } from '../pipeline/link/index.ts';
import { analyseQuery, namedConcepts } from '../search/core/query.ts';
import { nodeAnalyzer } from '../search/node.ts';
import { PROJECT_ROOT } from './helpers/corpus.ts';

let r: CheckResult;
let g: Graph;
beforeAll(async () => {
  r = await check(makeConfig(PROJECT_ROOT));
  g = link(r.model);
});

/** The twelve leerlabs of the 2023 digizine, with the province of their case. */
const DIGIZINE_LEERLABS: Record<string, string> = {
  's-hertogenbosch': 'noord-brabant',
  middelharnis: 'zuid-holland',
  stadskanaal: 'groningen',
  'west-brabant': 'noord-brabant',
  'noord-drenthe': 'drenthe',
  weert: 'limburg',
  'noord-holland': 'noord-holland',
  helmond: 'noord-brabant',
  heerhugowaard: 'noord-holland',
  'noord-west-veluwe': 'gelderland',
  'amsterdam-ijburg': 'noord-holland',
  gorinchem: 'zuid-holland',
};

/**
 * Every metadata value that the source does not state itself, checked against the seed text: the
 * fields each case and document marks under `afgeleid`. A value that is added, corrected or found
 * stated changes this list, on purpose.
 */
const INFERRED_CASE_FIELDS: Record<string, string[]> = {
  'amsterdam-ijburg': ['periode', 'routetype'],
  gorinchem: ['periode'],
  heerhugowaard: ['niveaus', 'periode', 'routetype'],
  helmond: ['periode', 'routetype'],
  'landstede-pilots': ['plaatsen', 'provincie', 'routetype', 'scholen', 'sectoren'],
  middelharnis: ['periode', 'routetype'],
  'noord-drenthe': ['periode', 'plaatsen', 'routetype'],
  'noord-holland': ['periode', 'plaatsen', 'regio'],
  'noord-west-veluwe': ['periode', 'plaatsen', 'routetype'],
  's-hertogenbosch': ['periode'],
  stadskanaal: ['periode'],
  weert: ['periode', 'routetype'],
  'west-brabant': ['plaatsen'],
};
const INFERRED_DOCUMENT_FIELDS: Record<string, string[]> = {
  'digizine-leerlabs-2023': [],
  'interview-zijderveld': ['jaar', 'uitgever'],
  'notitie-waar-een-wil-is': ['jaar', 'uitgever'],
  'praktijkonderzoek-landstede': ['jaar', 'uitgever'],
  'uit-de-startblokken': ['jaar', 'uitgever'],
};
const marked = (m: Partial<Record<string, string>> | undefined) => Object.keys(m ?? {}).sort();
/** a reason says why, in a sentence of its own */
const isReason = (s: string | undefined) => typeof s === 'string' && s.split(/\s+/).length >= 8 && /[.!?]$/.test(s.trim());

describe('the corpus', () => {
  it('should validate without errors', () => {
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('should hold at least 13 cases and 5 notes, every digizine leerlab in its province', () => {
    expect(g.cases.length).toBeGreaterThanOrEqual(13);
    expect(g.notes.length).toBeGreaterThanOrEqual(5);
    const provinceOf = Object.fromEntries(g.cases.map((c) => [c.id, c.meta.provincie]));
    for (const [id, province] of Object.entries(DIGIZINE_LEERLABS)) expect([id, provinceOf[id]]).toEqual([id, province]);
  });

  it('should hold at least 200 findings, each with 1–4 themes and a source document and section', () => {
    expect(g.findings.length).toBeGreaterThanOrEqual(200);
    const docs = new Set<string>(g.documents.map((d) => d.id));
    for (const f of g.findings) {
      expect(f.themes.length, f.id).toBeGreaterThanOrEqual(1);
      expect(f.themes.length, f.id).toBeLessThanOrEqual(4);
      expect(docs.has(f.source.document), f.id).toBe(true);
      expect(f.source.section.length, f.id).toBeGreaterThan(0);
    }
  });

  it('should give every case its metadata and ≥ 3 knelpunten and succesfactoren, or say why not', () => {
    for (const c of g.cases) {
      const m = c.meta;
      expect([c.id, m.titel, m.regio, m.periode, m.samenvatting].every(Boolean), c.id).toBe(true);
      expect(m.plaatsen.length * m.scholen.vo.length * m.scholen.mbo.length * m.sectoren.length * m.niveaus.length, c.id).toBeGreaterThan(0);
      if (c.counts.knelpunt < 3 || c.counts.succesfactor < 3) expect(m.kanttekening, `${c.id}: ${c.counts.knelpunt} kp / ${c.counts.succesfactor} sf`).toBeTruthy();
    }
  });

  it('should use every codebook theme in at least two findings, with 25–45 themes', () => {
    expect(g.themes.length).toBeGreaterThanOrEqual(25);
    expect(g.themes.length).toBeLessThanOrEqual(45);
    for (const t of g.themes) expect([t.id, t.findingIds.length >= 2]).toEqual([t.id, true]);
  });

  it('should mark every inferred case and document value, with a reason, exactly as recorded', () => {
    expect(Object.fromEntries(g.cases.map((c) => [c.id, marked(c.meta.afgeleid)]))).toEqual(INFERRED_CASE_FIELDS);
    expect(Object.fromEntries(g.documents.map((d) => [d.id, marked(d.afgeleid)]))).toEqual(INFERRED_DOCUMENT_FIELDS);
    for (const c of g.cases) for (const [field, why] of Object.entries(c.meta.afgeleid ?? {})) expect([c.id, field, isReason(why)]).toEqual([c.id, field, true]);
    for (const d of g.documents) for (const [field, why] of Object.entries(d.afgeleid ?? {})) expect([d.id, field, isReason(why)]).toEqual([d.id, field, true]);
  });

  it('should mark the period of a digizine case that takes both its years from the magazine', () => {
    for (const c of g.cases.filter((x) => x.meta.bron === 'digizine-leerlabs-2023' && /^2022–2023$/.test(x.meta.periode))) expect([c.id, marked(c.meta.afgeleid)]).toEqual([c.id, expect.arrayContaining(['periode'])]);
  });

  it('should expand a synonym to one theme only, never also to a sector or province (as search matches them)', () => {
    const { vocab } = buildSearchIndex(g).meta;
    const owners = new Map<string, Set<string>>();
    for (const list of ['themes', 'provinces', 'sectors'] as const) {
      for (const item of vocab[list]) for (const phrase of item.phrases) owners.set(phrase, new Set([...(owners.get(phrase) ?? []), `${list}:${item.id}`]));
    }
    const shared = [...owners].filter(([, o]) => o.size > 1 && [...o].some((x) => x.startsWith('themes:'))).map(([phrase, o]) => `${phrase}: ${[...o].join(', ')}`);
    expect(shared).toEqual([]);
  });

  it('should find the one theme for what people type, and none for a leerweg', () => {
    const { meta } = buildSearchIndex(g);
    const analyzer = nodeAnalyzer();
    const named = (q: string) => namedConcepts(analyseQuery(q, meta, analyzer).words, meta).filter((c) => c.list === 'themes').map((c) => c.id);
    const expectTheme: [string, string[]][] = [
      ['mavo', []],
      ['maatwerk', ['modulair-en-maatwerk']],
      ['krimpregio', ['groepsgrootte']],
      ['lerarentekort', ['personeelstekort']],
      ['kartrekker', ['kartrekkers']],
      ['verkorten', ['versnellen-en-verdiepen']],
      ['cultuurverschil', ['cultuurverschil']],
      ['decaan', ['lob']],
      ['DUO', ['administratie']],
      ['zorgplicht', ['overstap-en-overdracht']],
      ['businesscase', ['bekostiging']],
    ];
    for (const [q, themes] of expectTheme) expect([q, named(q)]).toEqual([q, themes]);
  });

  it('should give every place a province and coordinates inside the Netherlands', () => {
    const used = new Set(g.cases.flatMap((c) => c.meta.plaatsen));
    const places = new Map(g.places.map((p) => [p.id, p]));
    for (const id of used) {
      const p = places.get(id)!;
      expect(p, id).toBeDefined();
      expect(p.provincie).toBeTruthy();
      expect(p.lat).toBeGreaterThan(50.7);
      expect(p.lat).toBeLessThan(53.6);
      expect(p.lon).toBeGreaterThan(3.3);
      expect(p.lon).toBeLessThan(7.3);
    }
  });
});
