// The digizine's rode-draad article names leerlabs as examples of its domains and conditions.
// Its claims, written down here, are checked against the corpus and the computed threads.
import { beforeAll, describe, expect, it } from 'vitest';
import { check, makeConfig } from '../pipeline/build.ts';
import { link, type Graph } from '../pipeline/link/index.ts';
import { PROJECT_ROOT } from './helpers/corpus.ts';

let g: Graph;
beforeAll(async () => {
  g = link((await check(makeConfig(PROJECT_ROOT))).model);
});

/** [case, theme, what the article says] — one row per example the article gives. */
const ARTICLE_EXAMPLES: [string, string, string][] = [
  ['noord-west-veluwe', 'relatie-en-vertrouwen', 'began with collaboration: bringing teachers together without a set programme'],
  ['noord-drenthe', 'relatie-en-vertrouwen', 'began with collaboration; a barbecue for all involved after the covid period'],
  ['gorinchem', 'procesbegeleiding', 'began with content and anchoring: a feasibility study first'],
  ['middelharnis', 'gedeelde-ambitie', 'the analysis of the current and desired situation took time'],
  ['s-hertogenbosch', 'curriculum', 'the external process facilitator compared the curricula'],
  ['weert', 'keuzedelen', 'keuzedelen as a puzzle: a broad vmbo profile meeting a narrow mbo programme'],
  ['stadskanaal', 'groepsgrootte', 'few pupils make a keuzedeel a puzzle'],
  ['stadskanaal', 'modulair-en-maatwerk', 'the answer to few pupils: modular work, an offer made to measure'],
  ['heerhugowaard', 'praktijkgericht-programma', 'a practice-oriented programme for gl/tl as the starting point'],
  ['helmond', 'praktijkgericht-programma', 'a practice-oriented programme for gl/tl as the starting point'],
  ['noord-west-veluwe', 'algemene-vakken', 'many vo schools: a focus on the general subjects'],
  ['noord-drenthe', 'lob', 'many vo schools: a focus on LOB'],
  ['amsterdam-ijburg', 'lob', 'fully committed to LOB for pupils'],
  ['noord-drenthe', 'kennismaking-mbo', 'early acquaintance and a soft landing at the mbo'],
  ['s-hertogenbosch', 'keuzedelen', 'HBR pupils followed a keuzedeel at the mbo restaurant'],
  ['weert', 'docentuitwisseling', 'plan: mbo teachers first give guest lessons at the vmbo'],
  ['helmond', 'docentuitwisseling', 'guest lessons by teachers'],
  ['west-brabant', 'docentuitwisseling', 'guest lessons by mbo teachers within challenges'],
  ['heerhugowaard', 'docentuitwisseling', 'guest lessons by teachers'],
  ['west-brabant', 'kennismaking-mbo', 'challenges designed by vo and mbo teachers, worked on by vo pupils'],
  ['s-hertogenbosch', 'procesbegeleiding', 'a cyclical process with development circles'],
  ['noord-holland', 'procesbegeleiding', "an independent project leader as 'smeerolie' between all parties"],
  ['noord-holland', 'draagvlak', 'initiated top-down by the boards, with all layers on board (the leerlab\'s own interview says bottom-up; the case shows both)'],
  ['amsterdam-ijburg', 'evaluatie', 'evaluating with pupils made the LOB assignments better'],
];

describe('rode draden against the rode-draad article', () => {
  it.each(ARTICLE_EXAMPLES)('%s should have a finding on %s (%s)', (caseId, theme) => {
    const c = g.cases.find((x) => x.id === caseId);
    expect(c, caseId).toBeDefined();
    const onTheme = c!.findingIds.map((id) => g.findings.find((f) => f.id === id)!).filter((f) => f.themes.includes(theme));
    expect(onTheme.length, `${caseId} × ${theme}`).toBeGreaterThan(0);
  });

  it('should compute a thread for every theme the article gives ≥ 3 example cases in ≥ 2 provinces, supported by those cases', () => {
    const byTheme = new Map<string, Set<string>>();
    for (const [caseId, theme] of ARTICLE_EXAMPLES) byTheme.set(theme, new Set([...(byTheme.get(theme) ?? []), caseId]));
    const province = (id: string) => g.cases.find((c) => c.id === id)!.meta.provincie;
    const expected = [...byTheme].filter(([, cs]) => cs.size >= 3 && new Set([...cs].map(province)).size >= 2);
    expect(expected.map(([t]) => t).sort()).toEqual(['docentuitwisseling', 'procesbegeleiding']);
    for (const [theme, cases] of expected) {
      const thread = g.threads.find((t) => t.id === `thema-${theme}`);
      expect(thread, theme).toBeDefined();
      const supporting = new Set([...thread!.caseIds, ...thread!.contrasts.map((id) => id.split('#')[0])]);
      for (const c of cases) expect([theme, c, supporting.has(c)]).toEqual([theme, c, true]);
    }
  });

  it('should link the article\'s own threads to case findings, both ways', () => {
    const authored = g.threads.filter((t) => t.kind === 'authored' && t.findingId?.startsWith('rode-draden-leerlabs#'));
    expect(authored.length).toBeGreaterThanOrEqual(5);
    const withEvidence = authored.filter((t) => t.evidence.length > 0);
    expect(withEvidence.length).toBeGreaterThanOrEqual(5);
    for (const t of withEvidence) for (const fid of t.evidence) expect(g.findings.find((f) => f.id === fid)!.threads).toContain(t.id);
  });
});
