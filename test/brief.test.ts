// The brief stage on fixture corpora: which findings a themabrief shows, how similar findings are
// grouped (by wording and by a rode draad that cites them), contrasts, numbered citations, the
// limits that keep a brief at two pages, province briefs, and the source date.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeConfig, runPipeline } from '../pipeline/build.ts';
import { averageLinkage } from '../pipeline/brief/cluster.ts';
import { Grouper } from '../pipeline/brief/groups.ts';
import { excerpt, LIMITS } from '../pipeline/brief/parts.ts';
import { TextSimilarity } from '../pipeline/brief/similarity.ts';
import { sourceDate } from '../pipeline/brief/source-date.ts';
import { withoutNames } from '../pipeline/brief/terms.ts';
import { BASIC, caseFile, corpusWith } from './helpers/corpus.ts';

async function build(dir: string, siteUrl = 'https://kennisbank.example.nl') {
  const r = await runPipeline(makeConfig(dir, { sourcesDir: '.', siteUrl }));
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r;
}

const province = (provincie: string, plaats: string) => ({ provincie, plaatsen: `[${plaats}]` });

/**
 * Four cases on "relatie en vertrouwen": three report in their own words that teachers who
 * already knew each other got going faster; one says the opposite happened where they did not
 * know each other (a knelpunt); one unrelated knelpunt about parents.
 */
function trustCorpus(extra: Record<string, string> = {}) {
  const c = (id: string, where: ReturnType<typeof province>, body: string) => ({ [`cases/${id}.md`]: caseFile({ frontmatter: { titel: `Leerlab ${id}`, ...where }, body }) });
  return corpusWith(
    {
      ...c('een', province('limburg', 'weert'), '## Succesfactoren\n\n- Docenten die elkaar al kenden uit een eerder project, konden meteen samen plannen maken en vertrouwden elkaar. {id: kennen; thema: relatie-en-vertrouwen}\n'),
      ...c('twee', province('groningen', 'stadskanaal'), '## Succesfactoren\n\n- Omdat de docenten elkaar al jaren kenden, was er vertrouwen en konden ze snel samen plannen maken. {id: al-jaren; thema: relatie-en-vertrouwen}\n\n## Knelpunten\n\n- Ouders weten weinig van de opleidingen op het mbo. {id: ouders; thema: relatie-en-vertrouwen, lob}\n'),
      ...c('drie', province('noord-brabant', 's-hertogenbosch'), '## Succesfactoren\n\n- Het vertrouwen was er snel, want de docenten kenden elkaar al van de regionale werkgroep en maakten samen plannen. {id: werkgroep; thema: relatie-en-vertrouwen}\n'),
      ...c('vier', province('limburg', 'weert'), '## Knelpunten\n\n- De docenten kenden elkaar niet, dus vertrouwen en samen plannen maken kwamen traag op gang. {id: onbekend; thema: relatie-en-vertrouwen}\n'),
      ...extra,
    },
    { withBasicCases: false },
  );
}

describe('grouping similar findings', () => {
  it('should group findings of different cases that say the same thing, with the contrast of the other side', async () => {
    const r = await build(trustCorpus());
    const grouper = new Grouper(r.graph!);
    const groups = grouper.group(r.graph!.themes.find((t) => t.id === 'relatie-en-vertrouwen')!.findingIds);
    const trust = groups.find((g) => g.hielp?.findingIds.includes('een#kennen'))!;
    expect([...trust.hielp!.findingIds].sort()).toEqual(['drie#werkgroep', 'een#kennen', 'twee#al-jaren']);
    expect(trust.hielp!.cases).toEqual(['drie', 'een', 'twee']);
    // the knelpunt in another case is the same subject the other way round: a contrast in the group
    expect(trust.blokkeert?.findingIds).toEqual(['vier#onbekend']);
    // the unrelated knelpunt stays on its own
    const parents = groups.find((g) => g.blokkeert?.findingIds.includes('twee#ouders'))!;
    expect(parents.blokkeert!.findingIds).toEqual(['twee#ouders']);
    expect(parents.hielp).toBeNull();
  });

  it('should never group two findings of the same case', async () => {
    const r = await build(
      corpusWith({ 'cases/solo.md': caseFile({ body: '## Knelpunten\n\n- De bus naar het mbo rijdt te laat. {id: a; thema: vervoer-en-afstand}\n- De bus naar het mbo rijdt te laat en te weinig. {id: b; thema: vervoer-en-afstand}\n' }) }, { withBasicCases: false }),
    );
    const groups = new Grouper(r.graph!).group(['solo#a', 'solo#b']);
    expect(groups.map((g) => g.blokkeert!.findingIds)).toEqual([['solo#a'], ['solo#b']]);
  });

  it('should group findings that one rode draad cites together, even in other words', async () => {
    const r = await build(BASIC);
    const groups = new Grouper(r.graph!).group(r.graph!.themes.find((t) => t.id === 'vervoer-en-afstand')!.findingIds);
    // synthese#vervoer cites alfa#bus, bravo#reistijd and charlie#reis
    const g = groups.find((x) => x.blokkeert?.findingIds.includes('alfa#bus'))!;
    expect([...g.blokkeert!.findingIds].sort()).toEqual(['alfa#bus', 'bravo#reistijd', 'charlie#reis']);
  });

  it('should leave names and numbers out of the words that compare findings', () => {
    expect(withoutNames('Volgens docent Ciska Plas van Het Gilde halen 80 leerlingen het PTA.').replace(/\s+/g, ' ').trim()).toBe('Volgens docent halen leerlingen het PTA.');
  });

  it('should not chain: one shared member does not merge two unrelated groups (average linkage)', () => {
    // 0-1-2 tight, 3-4 tight, 2-3 one strong link
    const edges = [
      { a: 0, b: 1, w: 0.9 },
      { a: 0, b: 2, w: 0.8 },
      { a: 1, b: 2, w: 0.85 },
      { a: 3, b: 4, w: 0.9 },
      { a: 2, b: 3, w: 0.6 },
    ];
    expect(averageLinkage(5, edges, 0.2)).toEqual([[0, 1, 2], [3, 4]]);
    // the same input in another order gives the same clusters
    expect(averageLinkage(5, [...edges].reverse(), 0.2)).toEqual([[0, 1, 2], [3, 4]]);
  });

  it('should find the same near-duplicates with blocking as with every pair', () => {
    const texts: { id: string; text: string }[] = [];
    const words = 'bus rooster stage ouders examen docent leerling bedrijf subsidie bestuur keuzedeel regio werkgroep gebouw afstand lesmateriaal overdracht'.split(' ');
    // 300 findings of three random words, and three planted near-duplicate pairs
    let seed = 7;
    const rnd = () => {
      seed = (seed + 0x6d2b79f5) >>> 0;
      let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
    };
    for (let i = 0; i < 300; i++) texts.push({ id: `f${i}`, text: [0, 1, 2].map(() => words[Math.floor(rnd() * words.length)]).join(' ') });
    texts.push({ id: 'p1', text: 'taalachterstand nieuwkomers klassenassistent' }, { id: 'p2', text: 'nieuwkomers taalachterstand klassenassistent rooster' });
    texts.push({ id: 'q1', text: 'werkplaatsinrichting lasapparatuur' }, { id: 'q2', text: 'lasapparatuur werkplaatsinrichting bedrijf' });
    const sim = new TextSimilarity(texts);
    const ids = texts.map((t) => t.id);
    const key = (ps: { a: number; b: number }[]) => ps.map((p) => `${ids[p.a]}~${ids[p.b]}`);
    const exact = key(sim.pairs(ids, { threshold: 0.6 }));
    const blocked = key(sim.pairs(ids, { threshold: 0.6, exactLimit: 10, blockCap: 40 }));
    expect(exact).toContain('p1~p2');
    expect(exact).toContain('q1~q2');
    expect(blocked).toContain('p1~p2');
    expect(blocked).toContain('q1~q2');
    // blocking only drops pairs, never invents them
    for (const p of blocked) expect(exact).toContain(p);
  });
});

describe('the themabrief', () => {
  it('should show what blocks and what helped, strongest group first, each statement with a numbered source note', async () => {
    const r = await build(trustCorpus());
    const b = r.briefs!.themes['relatie-en-vertrouwen'];
    expect(b.label).toBe('Relatie en vertrouwen');
    expect(b.definition).toBe('Elkaar kennen.');
    expect(b.profile).toEqual({ cases: 4, provinces: 3, sectors: 1, documents: 1, findings: 5, label: 'beperkt' });

    // wat hielp: one group of three cases, quoted once, the others named with their notes
    expect(b.hielp.groups).toHaveLength(1);
    const helped = b.hielp.groups[0];
    expect(helped.cases).toBe(3);
    expect([helped.statement.findingId, ...helped.similar.map((s) => s.findingId)].sort()).toEqual(['drie#werkgroep', 'een#kennen', 'twee#al-jaren']);
    // the contrast: a knelpunt in another case on the same point
    expect(helped.contrasts.map((c) => c.findingId)).toEqual(['vier#onbekend']);

    // wat blokkeert: two single knelpunten; the one with a contrast is the same group as above
    expect(b.blokkeert.groups.map((g) => g.statement.findingId).sort()).toEqual(['twee#ouders', 'vier#onbekend']);
    expect(b.blokkeert.shared).toBe(0);

    // notes are numbered in reading order: blokkeert, then hielp, then rode draden; one per finding
    const order = [...b.blokkeert.groups, ...b.hielp.groups].flatMap((g) => [g.statement, ...g.similar, ...g.contrasts]).map((c) => c.note);
    const firstSeen = [...new Set(order)];
    expect(firstSeen).toEqual(firstSeen.map((_, i) => i + 1));
    expect(b.notes.map((n) => n.n)).toEqual(b.notes.map((_, i) => i + 1));
    const note = b.notes.find((n) => n.path === '/cases/een/#kennen')!;
    expect(note).toMatchObject({ label: 'Leerlab een', document: 'Testdocument A', section: 'Leerlab Test', url: 'https://kennisbank.example.nl/cases/een/#kennen' });
    expect(helped.statement.note).toBe(b.notes.find((n) => n.path === `/cases/${helped.statement.findingId.replace('#', '/#')}`)!.n);

    // cases to call: by findings on the theme
    expect(b.contacts.shown.map((c) => c.id)).toEqual(['twee', 'drie', 'een', 'vier']);
    expect(b.contacts.shown[0]).toMatchObject({ regio: 'Weert', province: 'Groningen', schools: ['School Test', 'ROC Test'], moreSchools: 0, findings: 2 });
  });

  it('should stay within its limits and count what it leaves out', async () => {
    // twelve cases, each with its own unrelated knelpunt on one theme
    const topics = ['bus', 'geld', 'rooster', 'examen', 'stage', 'ouders', 'gebouw', 'docenten', 'lesmateriaal', 'subsidie', 'bestuur', 'inspectie'];
    const extra = Object.fromEntries(
      topics.map((w, i) => [`cases/c${i}.md`, caseFile({ frontmatter: { titel: `Case ${i}` }, body: `## Knelpunten\n\n- Het probleem met ${w}${'x'.repeat(i)} is groot. {id: k; thema: lob}\n` })]),
    );
    const r = await build(corpusWith(extra, { withBasicCases: false }));
    const b = r.briefs!.themes.lob;
    expect(b.blokkeert.findings).toBe(12);
    expect(b.blokkeert.groups).toHaveLength(LIMITS.groups.blokkeert);
    expect(b.blokkeert.moreGroups).toBe(12 - LIMITS.groups.blokkeert);
    expect(b.blokkeert.moreFindings).toBe(12 - LIMITS.groups.blokkeert);
    expect(b.contacts.shown).toHaveLength(LIMITS.contacts);
    expect(b.contacts.more).toBe(12 - LIMITS.contacts);
    // the chart stays readable: at most 12 rows
    expect(b.chart.table.rows.length).toBeLessThanOrEqual(12);
  });

  it('should cut a long statement at a sentence or a word, and say so', () => {
    const long = `${'Eerste zin met genoeg woorden om de helft te halen van wat past in een brief. '.repeat(2)}${'woord '.repeat(80)}`;
    const e = excerpt(long, 200);
    expect(e.cut).toBe(true);
    expect(e.text.length).toBeLessThanOrEqual(200);
    expect(e.text.endsWith('brief. […]')).toBe(true);
    const words = excerpt('woord '.repeat(100), 100);
    expect(words.text.endsWith('woord…')).toBe(true);
    expect(excerpt('Kort.', 100)).toEqual({ text: 'Kort.', cut: false });
  });

  it('should list the rode draden on the theme, the authored thread cited by its own finding', async () => {
    const r = await build(BASIC);
    const b = r.briefs!.themes['vervoer-en-afstand'];
    expect(b.threads.shown.map((t) => t.id)).toEqual(['synthese-vervoer', 'thema-vervoer-en-afstand']);
    const authored = b.notes.find((n) => n.n === b.threads.shown[0].note)!;
    expect(authored).toMatchObject({ label: 'Synthese', document: 'Testdocument B', section: '3. Rode draden', path: '/notities/synthese/#vervoer' });
    const computed = b.notes.find((n) => n.n === b.threads.shown[1].note)!;
    expect(computed.path).toBe('/rode-draden/thema-vervoer-en-afstand/');
  });

  it('should be the same data for the same sources', async () => {
    const a = await build(BASIC);
    const b = await build(BASIC);
    expect(JSON.stringify(a.briefs)).toBe(JSON.stringify(b.briefs));
  });
});

describe('the province brief', () => {
  it("should show a province's knelpunten and succesfactoren by theme, with its theme profile", async () => {
    const r = await build(trustCorpus());
    const p = r.briefs!.provinces.limburg;
    expect(p.label).toBe('Limburg');
    expect(p.themes.map((t) => t.id)).toEqual(['relatie-en-vertrouwen']);
    const t = p.themes[0];
    expect(t.blokkeert.groups.map((g) => g.statement.findingId)).toEqual(['vier#onbekend']);
    // grouped within the province only: the similar succesfactoren of Groningen and Noord-Brabant stay out
    expect(t.hielp.groups.map((g) => g.statement.findingId)).toEqual(['een#kennen']);
    expect(t.hielp.groups[0].similar).toEqual([]);
    expect(p.contacts.shown.map((c) => c.id).sort()).toEqual(['een', 'vier']);
    // profile: both Limburg findings are on this theme, as all five are nationally; LOB (1 of 5) is not in Limburg
    expect(p.chart.table.rows).toEqual([{ label: 'Relatie en vertrouwen', path: '/themas/relatie-en-vertrouwen/', cells: ['100', '100'] }]);
    const groningen = r.briefs!.provinces.groningen.chart.table.rows;
    expect(groningen).toEqual([
      { label: 'Relatie en vertrouwen', path: '/themas/relatie-en-vertrouwen/', cells: ['100', '100'] },
      { label: 'Loopbaanoriëntatie en -begeleiding (LOB)', path: '/themas/lob/', cells: ['50', '20'] },
    ]);
    expect(r.briefs!.provinces['noord-holland']).toBeUndefined();
  });
});

describe('the source date ("geraadpleegd op")', () => {
  it('should take SOURCE_DATE_EPOCH first', () => {
    expect(sourceDate(BASIC, { SOURCE_DATE_EPOCH: '1767225600' })).toEqual({ iso: '2026-01-01', label: '1 januari 2026', from: 'SOURCE_DATE_EPOCH' });
  });

  it('should take the date of the newest commit that touched the sources, not the clock', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-git-'));
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };
    const git = (args: string[], date: string) => execFileSync('git', args, { cwd: dir, env: { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, stdio: 'ignore' });
    git(['init', '-q'], '2024-03-05T10:00:00Z');
    writeFileSync(join(dir, 'a.md'), 'a');
    git(['add', '.'], '2024-03-05T10:00:00Z');
    git(['commit', '-qm', 'a'], '2024-03-05T10:00:00Z');
    writeFileSync(join(dir, 'b.md'), 'b');
    git(['add', '.'], '2025-07-14T22:30:00Z');
    git(['commit', '-qm', 'b'], '2025-07-14T22:30:00Z');
    const { SOURCE_DATE_EPOCH: _, ...noEpoch } = process.env;
    expect(sourceDate(dir, noEpoch)).toEqual({ iso: '2025-07-14', label: '14 juli 2025', from: 'git' });
  });

  it('should say the date is unknown outside git without SOURCE_DATE_EPOCH', () => {
    const { SOURCE_DATE_EPOCH: _, ...noEpoch } = process.env;
    expect(sourceDate(mkdtempSync(join(tmpdir(), 'kb-nogit-')), noEpoch)).toEqual({ iso: null, label: null, from: null });
  });
});
