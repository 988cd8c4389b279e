// The search's word-level synonyms (search/lexicon/synoniemen.txt, Solr's synonym format): the
// strict parser with positioned problems, a bad line stopping the build, and what a rule does in
// the search — a query word meets the corpus words of its rule at a lower weight than its own form,
// one way or both, phrases included, and theme matching sees the synonym.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileLexicon } from '../pipeline/index/index.ts';
import { LEXICON_FILE, parseLexicon, readLexicon } from '../pipeline/index/lexicon.ts';
import { textPostings } from '../pipeline/index/postings.ts';
import { searchUnits, TEXT_FIELDS } from '../pipeline/index/units.ts';
import { nodeAnalyzer } from '../search/node.ts';
import type { Graph } from '../pipeline/link/index.ts';
import type { SearchEngine } from '../search/core/engine.ts';
import { lexKey, phraseMatcher, querySynonyms } from '../search/core/synonyms.ts';
import { engineFor, flat, graphOf, indexFilesOf } from './helpers/search.ts';

describe('the lexicon file', () => {
  it('reads equivalences, one-way rules, phrases and comments', () => {
    const { rules, problems } = parseLexicon(['# leraren', 'docent, leraar,  leerkracht', '', 'manager, managers => leidinggevende # één richting', 'aanmelden => melden bij duo', 'vmbo-gl/tl, gemengde leerweg'].join('\n'));
    expect(problems).toEqual([]);
    expect(rules).toEqual([
      { from: ['docent', 'leraar', 'leerkracht'], to: ['docent', 'leraar', 'leerkracht'], line: 2 },
      { from: ['manager', 'managers'], to: ['leidinggevende'], line: 4 },
      { from: ['aanmelden'], to: ['melden bij duo'], line: 5 },
      // a term is split into words as a text is: slashes and hyphens are fine
      { from: ['vmbo-gl/tl', 'gemengde leerweg'], to: ['vmbo-gl/tl', 'gemengde leerweg'], line: 6 },
    ]);
  });

  it('reports each line it cannot read with its line and column, and keeps the others', () => {
    const { rules, problems } = parseLexicon(['docent,, leraar', 'Docent, leraar', 'a => b => c', 'alleen', 'x = y, z', 'ok, goed'].join('\n'), LEXICON_FILE);
    expect(rules.map((r) => r.line)).toEqual([6]);
    expect(problems.map((p) => [p.file, p.line, p.column, p.ruleId])).toEqual([
      [LEXICON_FILE, 1, 8, 'lexicon-syntax'],
      [LEXICON_FILE, 2, 1, 'lexicon-syntax'],
      [LEXICON_FILE, 3, 8, 'lexicon-syntax'],
      [LEXICON_FILE, 4, 1, 'lexicon-syntax'],
      [LEXICON_FILE, 5, 1, 'lexicon-syntax'],
    ]);
    expect(problems[1].message).toContain('hoofdletters');
    for (const p of problems) expect(p.fix).toBeTruthy();
  });

  it('is optional: without the file there are no synonyms', () => {
    expect(readLexicon(mkdtempSync(join(tmpdir(), 'kb-lexicon-')))).toEqual({ rules: [], problems: [] });
  });

  it('stops the build on a bad line, with the file and line, and writes no site', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kb-lexicon-'));
    mkdirSync(join(root, 'search/lexicon'), { recursive: true });
    writeFileSync(join(root, LEXICON_FILE), 'docent, leraar\nbestuur,\n');
    const { runPipeline } = await import('../pipeline/build.ts');
    const { makeConfig } = await import('../pipeline/config.ts');
    const { PROJECT_ROOT } = await import('./helpers/corpus.ts');
    const r = await runPipeline(makeConfig(root, { sourcesDir: join(PROJECT_ROOT, 'sources') }));
    expect(r.ok).toBe(false);
    expect(r.files).toEqual([]);
    expect(r.problems.filter((p) => p.ruleId === 'lexicon-syntax').map((p) => `${p.file}:${p.line}`)).toEqual([`${LEXICON_FILE}:2`]);
  });
});

describe('matching the rules', () => {
  it('compares terms with double vowels single ("leraar" and "leraren")', () => {
    expect(lexKey('leraar')).toBe(lexKey('lerar'));
    const [w] = querySynonyms(['lerar'], [[['docent', 'leraar'], [], 'docent']]);
    // the key sorts beside the rule's anchor (the build takes its corpus word used most); the
    // anchor's own entry is fetched too
    expect(w.keys).toEqual(['docent ~y:0', 'docent']);
    expect(w.alike).toEqual(['docent']);
  });

  it('finds a rule\'s corpus phrases in a stream of stems, within a field', () => {
    const m = phraseMatcher([[['aanmeld'], ['meld duo']]]);
    expect(['wij', 'meld', 'duo'].map((s) => m.next(s))).toEqual([[], [], [0]]);
    m.reset();
    expect(m.next('duo')).toEqual([]);
    // a one-way rule: the typed side is not indexed
    expect(phraseMatcher([[['aanmeld'], ['meld duo']]]).next('aanmeld')).toEqual([]);
  });
});

describe('in the search, on the real corpus', () => {
  let graph: Graph;
  let engine: SearchEngine;
  const lexicon = parseLexicon(['docent, leraar', 'manager => leidinggevende', 'kijkdag => open dag'].join('\n')).rules;
  beforeAll(async () => {
    graph = await graphOf();
    engine = await engineFor(graph, indexFilesOf(graph, lexicon));
  });
  const find = (q: string) => engine.search({ q, filters: {} }, 20);

  it('lets a word meet the corpus words of its rule, its own form ranked first', async () => {
    const r = await find('leraar');
    const texts = r.groups.flatMap((g) => g.findings.map((f) => f.snippet.map((p) => p.text).join('')));
    expect(texts.length).toBeGreaterThan(3);
    // a finding with "leraar" itself comes first; findings that only say "docent" follow
    expect(texts[0]).toMatch(/\bleraar|\bleraren/i);
    expect(texts.some((t) => /docent/i.test(t) && !/leraar|leraren/i.test(t))).toBe(true);
    // the corpus word is marked in the snippet
    expect(r.groups.flatMap((g) => g.findings.flatMap((f) => f.snippet.filter((p) => p.hit).map((p) => p.text.toLowerCase())))).toContain('docenten');
  });

  it('follows a one-way rule only one way, phrases included', async () => {
    const text = new Map(graph.findings.map((f) => [f.id, f.text]));
    const texts = async (q: string) => (await find(q)).groups.flatMap((g) => [...g.findings, ...g.more].map((f) => text.get(f.id) ?? ''));
    expect((await texts('manager')).some((t) => /leidinggevend/i.test(t) && !/manag/i.test(t))).toBe(true);
    // the corpus words of a one-way rule do not meet its typed words: "leidinggevende" is in no rule
    // as a typed word (the codebook may still tie both to a theme)
    const rules = compileLexicon(lexicon, nodeAnalyzer());
    expect(querySynonyms([nodeAnalyzer().stem('leidinggevende')], rules)[0].keys).toEqual([]);
    expect(querySynonyms([nodeAnalyzer().stem('manager')], rules)[0].keys.length).toBeGreaterThan(0);
    expect(flat((await find('kijkdag')).groups)).toContain('middelharnis#gezamenlijke-open-dag');
  });

  it('leaves the scores of the words themselves as they are without the lexicon (its keys are no words of the text)', () => {
    const { units } = searchUnits(graph);
    const boosts = TEXT_FIELDS.map((f) => f.boost);
    const plain = textPostings(units, boosts, nodeAnalyzer());
    const withLexicon = textPostings(units, boosts, nodeAnalyzer(), compileLexicon(lexicon, nodeAnalyzer()));
    // each rule's key sorts beside its corpus word used most
    expect(withLexicon.terms.filter((t) => t.term.includes(' ~y:')).map((t) => t.term)).toEqual(['docent ~y:0', 'leidinggef ~y:1', 'open ~y:2']);
    // a key leaves out the units of its anchor (the query fetches the anchor's entry beside it)
    const docent = new Set(Array.from(plain.byTerm.get('docent')!.units));
    expect(Array.from(withLexicon.byTerm.get('docent ~y:0')!.units).filter((u) => docent.has(u))).toEqual([]);
    for (const t of plain.terms) expect(withLexicon.byTerm.get(t.term)?.scores, t.term).toEqual(t.scores);
  });

  it('lets theme matching see the synonym: "leraren" is about the teacher\'s role as "docenten" is', async () => {
    const r = await find('leraren');
    expect(r.cards.find((c) => c.kind === 'thema')?.id).toBe((await find('docenten')).cards.find((c) => c.kind === 'thema')?.id);
    // a word of a rule is no typing error
    expect(r.correction).toBeNull();
  });
});
