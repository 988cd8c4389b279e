// Invariants of the real corpus in sources/: what a beleidsmaker relies on.
import { beforeAll, describe, expect, it } from 'vitest';
import { check, makeConfig, type CheckResult } from '../pipeline/build.ts';
import { link, type Graph } from '../pipeline/link/index.ts';
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
