// Theme matching on its own: the association of words with themes learned from a corpus
// (search/core/association.ts) and the themes a query is about (search/core/theme-match.ts), on
// small hand-made data so each rule is visible. The engine on the real corpus: test/search.test.ts.
import { describe, expect, it } from 'vitest';
import { addCounts, ASSOCIATION, countThemes, themeAssociation, type ThemeCounts, type WordThemes } from '../search/core/association.ts';
import type { QueryWord } from '../search/core/query.ts';
import { GENERIC_WORDS, MATCHING, themeMatches } from '../search/core/theme-match.ts';
import type { ThemeInfo } from '../search/core/types.ts';

describe('association of words with themes', () => {
  // unit 0 is a page (tagged with everything), then 40 findings: theme 0 on 4 of them (10 %),
  // theme 1 on 20 (50 %), theme 2 on 8, theme 3 on none
  const themesOf = [[0, 1, 2, 3], ...Array.from({ length: 40 }, (_, i) => [...(i < 4 ? [0] : []), ...(i % 2 ? [1] : []), ...(i >= 30 && i < 38 ? [2] : [])])];
  const isPage = (u: number) => u === 0;
  const count = (units: number[]) => countThemes(units, isPage, (u) => themesOf[u], 4);
  const base = count(themesOf.map((_, u) => u));
  // what the build stores for a word held by these findings (units f + 1)
  const word = (...findings: number[]): ThemeCounts => count(findings.map((f) => f + 1));

  it('counts findings per theme, leaving cases and notes out', () => {
    expect(base.findings).toBe(40);
    expect([...base.counts]).toEqual([4, 20, 8, 0]);
    expect(count([0, 1, 2]).findings).toBe(2);
  });

  it('ties a word to the theme most of its findings carry, far more often than findings in general', () => {
    const a = themeAssociation(word(0, 1, 2, 3, 30), base)!;
    expect(a.strength[0]).toBeGreaterThan(0.6);
    expect(a.lift[0]).toBeCloseTo(4 / 5 / 0.1);
    // theme 1 is on half of all findings: its share among the word's findings tells nothing
    expect(a.strength[1]).toBe(0);
    expect(a.strength[3]).toBe(0);
  });

  it('ties a word spread like the corpus to no theme', () => {
    const a = themeAssociation(word(...Array.from({ length: 40 }, (_, i) => i)), base)!;
    expect(Math.max(...a.strength)).toBeLessThan(0.01);
  });

  it('needs consistent evidence: one finding beside a rare theme ties weakly, and too few findings tell nothing', () => {
    const once = themeAssociation(word(0, 10, 12), base)!; // one of three findings carries theme 0
    expect(once.strength[0]).toBeLessThan(0.3);
    expect(themeAssociation(word(0, 1), base)).toBeNull(); // fewer than minFindings
    expect(ASSOCIATION.minFindings).toBe(3);
  });

  it('adds up the counts of a word’s forms (its stem and a linker variant)', () => {
    const a = themeAssociation(addCounts([word(0, 1), word(2, 3)], 4), base)!;
    expect(a.lift[0]).toBeCloseTo(1 / 0.1); // findings 0-3: all four carry theme 0
  });
});

// Themes as meta.json describes them: stems that name them (phrases) and describe them (words).
const theme = (id: string, phrases: string[], words: [string, number][] = []): ThemeInfo => ({
  id,
  label: id,
  url: `/themas/${id}/`,
  domain: '',
  definition: '',
  phrases,
  words: [...new Set([...phrases.flatMap((p) => p.split(' ').map((w): [string, number] => [w, p.includes(' ') ? 0.5 : 1])), ...words])],
  expand: phrases.filter((p) => !p.includes(' ')),
  findings: 10,
  pages: 3,
});
const THEMES = [
  theme('bekostiging', ['geld', 'kost', 'bekostig']),
  theme('groepsgrootte', ['klein groep', 'groepsgroot'], [['klein', 0.5], ['klas', 0.5]]),
  theme('wet', ['wet', 'regel']),
  theme('draagvlak', ['draagvlak', 'bestur']),
  theme('overstap', ['overstap'], [['voorkom', 0.5]]),
];
const qw = (...stems: string[]): QueryWord[] => stems.map((s) => ({ word: s, stem: s, prefix: s, variants: [] }));
/** association: word → theme index → strength (lift follows from it) */
const assocOf =
  (m: Record<string, Record<number, number>>) =>
  (words: QueryWord[]) =>
  (i: number): WordThemes | null => {
    const x = m[words[i].stem];
    if (!x) return null;
    const strength = Float64Array.from(THEMES, (_, t) => x[t] ?? 0);
    return { strength, lift: strength.map((s) => 1 + 4 * s) };
  };
const ids = (r: { id: string }[]) => r.map((c) => c.id);

describe('themes a query is about', () => {
  it('names a theme by a codebook word, fully', () => {
    const r = themeMatches(qw('geld'), THEMES);
    expect(ids(r)).toEqual(['bekostiging']);
    expect(r[0].strength).toBe(1);
  });

  it('reaches a theme through everyday words the corpus ties to it, in a question of several words', () => {
    const words = qw('steun', 'bovenaf');
    const assoc = assocOf({ steun: { 3: 0.9 }, bovenaf: { 3: 0.7 } })(words);
    const r = themeMatches(words, THEMES, { assoc });
    expect(ids(r)).toEqual(['draagvlak']);
    expect(r[0].strength).toBeGreaterThanOrEqual(MATCHING.describes);
    // without what the corpus tells, no codebook word names a theme
    expect(themeMatches(words, THEMES)).toEqual([]);
  });

  it('looks a single word up as a word: the corpus alone does not make it a theme', () => {
    const words = qw('steun');
    expect(themeMatches(words, THEMES, { assoc: assocOf({ steun: { 3: 0.9 } })(words) })).toEqual([]);
  });

  it('lets a word the corpus ties to no theme in particular count little, and a word too rare to tell not at all', () => {
    // "bestuurders en hun zorgen": zorgen hardly tied to any theme; the rare word unknown
    const words = qw('bestur', 'zorg', 'zeldzam');
    const r = themeMatches(words, THEMES, { assoc: assocOf({ zorg: { 0: 0.2 } })(words) });
    expect(ids(r)).toEqual(['draagvlak']);
    expect(r[0].strength).toBeGreaterThan(0.8);
  });

  it('leaves frequent verbs out of theme matching ("wat zegt de wet")', () => {
    const generic = new Set(['zegt']);
    expect(GENERIC_WORDS).toContain('zegt');
    const words = qw('zegt', 'wet');
    const r = themeMatches(words, THEMES, { generic, assoc: assocOf({ zegt: { 3: 0.4 } })(words), imp: (i) => [3.4, 2.7][i] });
    expect(ids(r)).toEqual(['wet']);
    expect(r[0].strength).toBe(1);
  });

  it('finds two themes that together explain a question, each a part of it ("kosten van een kleine klas")', () => {
    const words = qw('kost', 'klein', 'klas');
    const assoc = assocOf({ klein: { 1: 0.4 }, klas: { 1: 0.5 } })(words);
    const r = themeMatches(words, THEMES, { assoc });
    expect(ids(r).sort()).toEqual(['bekostiging', 'groepsgrootte']);
    expect(r[0].strength).toBe(r[1].strength);
    expect(r.find((c) => c.id === 'bekostiging')!.words).toEqual([0]);
    expect(r.find((c) => c.id === 'groepsgrootte')!.words).toEqual([1, 2]);
  });

  it('takes no second theme for a word it explains only weakly ("uitval voorkomen")', () => {
    const themes = [...THEMES, theme('uitval', ['uitval'])];
    const words = qw('uitval', 'voorkom');
    // voorkomen is a definition word of overstap; its findings carry that theme only somewhat more often
    const assoc = (i: number): WordThemes | null => (i === 1 ? { strength: Float64Array.from(themes, (_, t) => (t === 4 ? 0.3 : 0)), lift: Float64Array.from(themes, (_, t) => (t === 4 ? 1.8 : 1)) } : null);
    expect(ids(themeMatches(words, themes, { assoc }))).toEqual(['uitval']);
  });

  it('counts a compound by its head ("projectgeld" is money), by its modifier when the head is generic', () => {
    const words = qw('projectgeld');
    expect(ids(themeMatches(words, THEMES, { parts: new Map([[0, ['project', 'geld']]]) }))).toEqual(['bekostiging']);
    const rooster = [theme('rooster', ['rooster'])];
    expect(ids(themeMatches(qw('roosterproblem'), rooster, { parts: new Map([[0, ['rooster', 'problem']]]), generic: new Set(['problem']) }))).toEqual(['rooster']);
    // a modifier alone, under a head that says something else, does not make the theme
    expect(themeMatches(qw('geldkist'), THEMES, { parts: new Map([[0, ['geld', 'kist']]]) })).toEqual([]);
  });
});
