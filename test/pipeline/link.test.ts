// The link stage: the thread rule, evidence profiles and related-case ranking on small fixtures.
import { describe, expect, it } from 'vitest';
import { check, makeConfig } from '../../pipeline/build.ts';
import fc from 'fast-check';
import { evidenceLabel, link, relatedCases } from '../../pipeline/link/index.ts';
import { ThemeSetIndex } from '../../pipeline/link/overlap.ts';
import { BASIC, caseFile, corpusWith } from '../helpers/corpus.ts';

async function graphOf(dir: string) {
  const r = await check(makeConfig(dir, { sourcesDir: '.' }));
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return link(r.model);
}

describe('rode draden', () => {
  it('should compute a thread for a theme in knelpunten or succesfactoren of ≥ 3 cases in ≥ 2 provinces', async () => {
    const g = await graphOf(BASIC);
    const computed = g.threads.filter((t) => t.kind === 'computed').map((t) => t.id);
    // vervoer-en-afstand: alfa (limburg), bravo (groningen), charlie (noord-brabant)
    expect(computed).toContain('thema-vervoer-en-afstand');
    // lob: only alfa and bravo → no thread
    expect(computed).not.toContain('thema-lob');
    const t = g.threads.find((x) => x.id === 'thema-vervoer-en-afstand')!;
    expect(t.dominantType).toBe('knelpunt');
    expect(t.evidence).toEqual(['alfa#bus', 'bravo#reistijd', 'charlie#reis']);
    expect(t.contrasts).toEqual(['bravo#vervoer-gemeente']);
    expect(t.profile).toEqual({ cases: 3, provinces: 3, sectors: 3, documents: 1, findings: 3, label: 'beperkt' });
  });

  it('should not make a thread of a theme that recurs in one province only', async () => {
    const dir = corpusWith(
      {
        'cases/d1.md': caseFile({ body: '## Knelpunten\n\n- A. {id: a; thema: lob}\n' }),
        'cases/d2.md': caseFile({ body: '## Knelpunten\n\n- B. {id: b; thema: lob}\n' }),
        'cases/d3.md': caseFile({ body: '## Knelpunten\n\n- C. {id: c; thema: lob}\n' }),
      },
      { withBasicCases: false },
    );
    const g = await graphOf(dir);
    expect(g.threads.map((t) => t.id)).toEqual([]);
  });

  it('should profile an authored thread by the findings it references', async () => {
    const g = await graphOf(BASIC);
    const t = g.threads.find((x) => x.kind === 'authored')!;
    expect(t.id).toBe('synthese-vervoer');
    expect(t.caseIds).toEqual(['alfa', 'bravo', 'charlie']);
    expect(t.documents).toEqual(['doc-a', 'doc-b']);
    expect(t.profile.label).toBe('beperkt');
    // shown both ways: the case finding knows the thread it supports
    expect(g.findings.find((f) => f.id === 'alfa#bus')!.threads).toContain('synthese-vervoer');
  });

  it('should label evidence by counts', () => {
    expect(evidenceLabel({ cases: 5, provinces: 3, sectors: 2, documents: 1, findings: 5 })).toBe('breed');
    expect(evidenceLabel({ cases: 5, provinces: 2, sectors: 2, documents: 1, findings: 5 })).toBe('beperkt');
    expect(evidenceLabel({ cases: 1, provinces: 1, sectors: 1, documents: 2, findings: 2 })).toBe('beperkt');
    expect(evidenceLabel({ cases: 1, provinces: 1, sectors: 1, documents: 1, findings: 3 })).toBe('enkelvoudig');
    expect(evidenceLabel({ cases: 0, provinces: 0, sectors: 0, documents: 1, findings: 0 })).toBe('enkelvoudig');
  });
});

describe('related cases', () => {
  it('should rank by shared themes weighted by rarity and name the shared themes', async () => {
    const g = await graphOf(BASIC);
    const alfa = g.cases.find((c) => c.id === 'alfa')!;
    // bravo shares all four themes with alfa, charlie three (no lob)
    expect(alfa.related.map((r) => r.id)).toEqual(['bravo', 'charlie']);
    expect(alfa.related[0].sharedThemes).toEqual(['lob', 'beroepspraktijk', 'rooster-en-logistiek', 'vervoer-en-afstand']);
    expect(alfa.related[0].score).toBeGreaterThan(alfa.related[1].score);
  });

  it('should prefer a rare shared theme over a common one', async () => {
    const body = (...themes: string[]) => `## Knelpunten\n\n${themes.map((t, i) => `- Punt ${i}. {id: p${i}; thema: ${t}}`).join('\n')}\n`;
    const dir = corpusWith(
      {
        'cases/a.md': caseFile({ body: body('lob', 'rooster-en-logistiek') }),
        'cases/b.md': caseFile({ body: body('lob') }),
        'cases/c.md': caseFile({ body: body('rooster-en-logistiek') }),
        'cases/d.md': caseFile({ body: body('lob') }),
      },
      { withBasicCases: false },
    );
    const r = await check(makeConfig(dir, { sourcesDir: '.' }));
    const ranked = relatedCases(r.model.cases).get('a')!;
    expect(ranked.map((x) => [x.id, x.sharedThemes])).toEqual([
      ['c', ['rooster-en-logistiek']],
      ['b', ['lob']],
      ['d', ['lob']],
    ]);
  });
});

describe('wat hielp elders', () => {
  it('should list succesfactoren of other cases on the same theme for a knelpunt', async () => {
    const g = await graphOf(BASIC);
    const f = g.findings.find((x) => x.id === 'bravo#weinig-stages')!;
    expect(f.helpedElsewhere).toEqual(['alfa#stages', 'charlie#leerrestaurant']);
    expect(g.findings.find((x) => x.id === 'alfa#stages')!.helpedElsewhere).toEqual([]);
  });
});

describe('ThemeSetIndex (top-k by shared themes)', () => {
  const themes = ['a', 'b', 'c', 'd', 'e'];
  const items = fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[a-z]{1,4}$/), themes: fc.subarray(themes) }), { selector: (x) => x.id, maxLength: 40 });
  const weight = (t: string) => 1 / (themes.indexOf(t) + 1);

  it('should rank exactly like comparing every pair (score desc, id asc), skipping what it is told to', () => {
    fc.assert(
      fc.property(items, fc.subarray(themes), fc.integer({ min: 1, max: 6 }), fc.boolean(), (xs, query, limit, weighted) => {
        const score = (shared: string[]) => (weighted ? shared.reduce((s, t) => s + weight(t), 0) : shared.length);
        const index = new ThemeSetIndex<string>(themes, weighted ? { weight } : {});
        for (const x of xs) index.add(x.id, x.themes);
        const skip = (id: string) => id.startsWith('z');
        const brute = xs
          .filter((x) => !skip(x.id))
          .map((x) => ({ id: x.id, score: score(x.themes.filter((t) => query.includes(t))), shared: themes.filter((t) => x.themes.includes(t) && query.includes(t)) }))
          .filter((x) => x.score > 0)
          .sort((p, q) => q.score - p.score || (p.id < q.id ? -1 : 1))
          .slice(0, limit);
        expect(index.top(query, limit, skip)).toEqual(brute);
      }),
      { numRuns: 300 },
    );
  });
});
