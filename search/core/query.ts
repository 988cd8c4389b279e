// Query analysis: the words of a query (capped in length and number), their stems, linker
// variants and prefixes, adjacent words joined ("mbo docenten" → mbodocent), and the concepts it
// names: a theme, province or sector by one of its phrases ("BPV", "loopbaanorientatie",
// "Fryslân"), or a theme by the words that describe it ("rol van de docent in vo en mbo" →
// Rol en bekwaamheid van de docent).
import { normaliseWord, words as splitWords, type Analyzer } from './analysis.ts';
import { linkerVariants, MIN_PART } from './compounds.ts';
import type { SearchMeta, ThemeInfo } from './types.ts';

/** Caps on what a query may ask: longer queries are cut, with a visible note. */
export const LIMITS = { chars: 200, words: 12 } as const;

export interface QueryWord {
  /** folded word as typed */
  word: string;
  stem: string;
  /** for prefix matching: the folded word with plural endings normalised */
  prefix: string;
  /** the stem with a linking -s-/-en- removed, and where the modifier ends */
  variants: { form: string; modLen: number }[];
}

export type ConceptList = 'themes' | 'provinces' | 'sectors';

export interface ConceptMatch {
  list: ConceptList;
  id: string;
  /** shard key of its concept lists */
  key: string;
  /** 1 when a phrase names it; the share of the query it describes otherwise */
  strength: number;
  /** query words it covers */
  words: number[];
  /** stems its synonyms expand to (marked in snippets) */
  expand: string[];
}

export interface QueryAnalysis {
  q: string;
  /** the query was cut: 'chars' or 'words' */
  cut: 'chars' | 'words' | null;
  words: QueryWord[];
  /** adjacent words joined, as one stem: words i and i + 1 */
  joins: { at: number; form: string }[];
  concepts: ConceptMatch[];
}

/** Cut a query to LIMITS.chars (at a word boundary when there is one). */
export function capQuery(q: string): { q: string; cut: 'chars' | null } {
  if (q.length <= LIMITS.chars) return { q, cut: null };
  const head = q.slice(0, LIMITS.chars);
  const space = head.search(/\s\S*$/);
  return { q: (space > LIMITS.chars / 2 ? head.slice(0, space) : head).trim(), cut: 'chars' };
}

/** How a query is matched against the themes; `npm run eval:search` measures the effect of changing it. */
export const MATCHING = {
  /** a theme must explain at least this share of the query (see themeMatches) */
  describes: 0.5,
  /** themes within this share of the best match are kept, at most `maxThemes` */
  nearBest: 0.6,
  maxThemes: 3,
  /** weight of a definition word that belongs to this theme only (less when shared with others) */
  definition: 1,
};
export type Matching = typeof MATCHING;

/**
 * Analyse a query. Once the index's shards for its words are loaded, the engine analyses it again
 * with `opts`: how informative each word is in the index, and for words the index does not hold
 * the two known parts they split into; the themes it is about follow from those.
 */
export function analyseQuery(raw: string, meta: SearchMeta, analyzer: Analyzer, opts: MatchOptions = {}): QueryAnalysis {
  const capped = capQuery(String(raw ?? ''));
  let cut: QueryAnalysis['cut'] = capped.cut;
  let list = splitWords(capped.q);
  if (list.length > LIMITS.words) {
    list = list.slice(0, LIMITS.words);
    cut = 'words';
  }
  const content = list.filter((w) => !analyzer.isStopWord(w));
  // a word that comes back (with the same stem) counts once: "vmbo-docent en mbo-docent"
  const seen = new Set<string>();
  const words: QueryWord[] = [];
  for (const w of content.length ? content : list) {
    const stem = analyzer.stem(w) || w;
    if (seen.has(stem)) continue;
    seen.add(stem);
    words.push({ word: w, stem, prefix: normaliseWord(w), variants: linkerVariants(stem) });
  }
  const joins: QueryAnalysis['joins'] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i].word;
    const b = words[i + 1].word;
    if (/^[a-z]+$/.test(a + b) && a.length + b.length >= 2 * MIN_PART) joins.push({ at: i, form: analyzer.stem(a + b) });
  }
  const q = cut === 'words' ? list.join(' ') : capped.q;
  const generic = new Set(GENERIC_WORDS.map((g) => analyzer.stem(g)));
  return { q, cut, words, joins, concepts: concepts(words, meta, { ...opts, generic }) };
}

const LISTS: { list: ConceptList; prefix: string }[] = [
  { list: 'themes', prefix: '~t:' },
  { list: 'provinces', prefix: '~p:' },
  { list: 'sectors', prefix: '~s:' },
];

/** The themes, provinces and sectors a query names by one of their phrases (on stems or linker variants). */
export function namedConcepts(words: QueryWord[], meta: SearchMeta): ConceptMatch[] {
  // a phrase word matches a query word's stem or one of its linker variants
  const forms = words.map((w) => new Set([w.stem, ...w.variants.map((v) => v.form)]));
  const stems = words.map((w) => w.stem);
  const named: ConceptMatch[] = [];
  for (const { list, prefix } of LISTS) {
    for (const item of meta.vocab[list]) {
      const covered = new Set<number>();
      for (const phrase of item.phrases) {
        const ps = phrase.split(' ');
        for (let i = 0; i + ps.length <= forms.length; i++) if (ps.every((p, k) => forms[i + k].has(p))) for (let k = 0; k < ps.length; k++) covered.add(i + k);
      }
      if (covered.size) named.push({ list, id: item.id, key: prefix + item.id, strength: 1, words: [...covered].sort((a, b) => a - b), expand: item.expand.filter((t) => !stems.includes(t)) });
    }
  }
  return named;
}

/** The concepts a query names by phrase (provinces, sectors) and the themes it is about (themeMatches). */
function concepts(words: QueryWord[], meta: SearchMeta, opts: MatchOptions): ConceptMatch[] {
  const named = namedConcepts(words, meta);
  const places = new Set(named.filter((c) => c.list !== 'themes').flatMap((c) => c.words));
  const m = opts.matching ?? MATCHING;
  const themes = themeMatches(words, meta.vocab.themes, { ...opts, skip: places });
  const best = themes[0]?.strength ?? 0;
  const keep = themes.filter((c) => c.strength >= m.nearBest * best).slice(0, m.maxThemes);
  return [...keep, ...named.filter((c) => c.list !== 'themes')];
}

/**
 * Words that say what kind of finding is asked for, not what about ("roosterproblemen", "tips voor
 * ouders"): they do not count when matching a query against the themes.
 */
export const GENERIC_WORDS = ['probleem', 'problemen', 'knelpunt', 'uitdaging', 'moeilijkheid', 'obstakel', 'oplossing', 'succesfactor', 'tip', 'ervaring', 'voorbeeld', 'vraag'];

/** Share of a compound's theme match when it matched through its parts. */
const PART = 0.8;
/** A definition word whose units are this many times more often tagged with the theme than others ties it fully. */
const LIFT_FULL = 3;

export interface MatchOptions {
  /** for words the index does not hold: the two parts they split into */
  parts?: ReadonlyMap<number, readonly string[]>;
  /** words that name a province or sector: they do not count */
  skip?: ReadonlySet<number>;
  /** stems of GENERIC_WORDS */
  generic?: ReadonlySet<string>;
  /** how informative each word is (its idf in the index); all alike when not given */
  imp?: (i: number) => number;
  /**
   * how much more often the units holding word i are tagged with theme t than units in general
   * (from the index); null when the word is too rare to tell
   */
  lift?: (i: number, t: number) => number | null;
  matching?: Matching;
}

/** Words of `words` covered by the phrases of more than one word among `phrases`. */
function phraseCover(phrases: string[], forms: Set<string>[]): Set<number> {
  const out = new Set<number>();
  for (const phrase of phrases) {
    const ps = phrase.split(' ');
    if (ps.length < 2) continue;
    for (let i = 0; i + ps.length <= forms.length; i++) if (ps.every((p, k) => forms[i + k].has(p))) for (let k = 0; k < ps.length; k++) out.add(i + k);
  }
  return out;
}

/**
 * The themes a query is about, best first, each with the share of the query it explains: every
 * word that occurs in some theme's vocabulary counts with its weight in the index (`imp`), and a
 * theme explains it fully when it is one of its label or synonym words (or of a phrase of several
 * words: "kleine aantallen"), and a definition word as far as the word is specific to this theme
 * among all themes. So "werkdruk van docenten" is about facilitering (werkdruk is rarer than
 * docent) and "rol van de docent in vo en mbo" about docentrol. A compound the index does not hold counts through its
 * parts (`parts`): "roosterproblemen" is about rooster-en-logistiek. Themes explaining less than
 * MATCHING.describes of the query are left out.
 */
export function themeMatches(words: QueryWord[], themes: ThemeInfo[], opts: MatchOptions = {}): ConceptMatch[] {
  const parts = opts.parts ?? new Map<number, readonly string[]>();
  const skip = opts.skip ?? new Set<number>();
  const generic = opts.generic ?? new Set<string>();
  const imp = opts.imp ?? (() => 1);
  const { describes, definition } = opts.matching ?? MATCHING;
  const maps = themes.map((t) => new Map(t.words));
  const df = new Map<string, number>();
  for (const m of maps) for (const w of m.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const n = themes.length;
  const spec = (s: string) => Math.log(1 + n / (df.get(s) ?? n)) / Math.log(1 + n);
  const forms = words.map((w) => new Set([w.stem, ...w.variants.map((v) => v.form)]));
  const sub = words.map((_, i) => (parts.get(i) ?? []).filter((p) => !generic.has(p)));
  const counts = words.map((w, i) => !skip.has(i) && !generic.has(w.stem) && [w.stem, ...sub[i]].some((s) => df.has(s)));
  // the whole the themes must explain: the words that occur in some theme's vocabulary
  const total = words.reduce((sum, _, i) => sum + (counts[i] ? imp(i) : 0), 0);
  if (!total) return [];
  const out: ConceptMatch[] = [];
  themes.forEach((t, ti) => {
    // a label or synonym word (weight ≥ 0.8: the word or its compound part) counts as it is; a
    // definition word as far as the index ties it to this theme (or, for a rare word, as far as
    // it is specific to this theme among the themes)
    const tw = (s: string, i: number) => {
      const x = maps[ti].get(s) ?? 0;
      if (x >= 0.8 || !x) return x;
      const l = s === words[i].stem ? opts.lift?.(i, ti) : null;
      const tie = l == null ? spec(s) : Math.max(0, Math.min(1, (l - 1) / (LIFT_FULL - 1)));
      // just below a label or synonym word: on a tie the theme the word names wins
      return Math.min(0.95, 2 * x * definition * tie);
    };
    const phrased = phraseCover(t.phrases, forms);
    let got = 0;
    const covered: number[] = [];
    words.forEach((w, i) => {
      if (!counts[i]) return;
      const viaParts = sub[i].length ? (PART * sub[i].reduce((x, p) => x + tw(p, i), 0)) / sub[i].length : 0;
      const m = phrased.has(i) ? 1 : Math.max(tw(w.stem, i), viaParts);
      if (m > 0) {
        got += m * imp(i);
        covered.push(i);
      }
    });
    const share = got / total;
    if (share >= describes) out.push({ list: 'themes', id: t.id, key: `~t:${t.id}`, strength: Math.min(1, share), words: covered, expand: t.expand.filter((e) => !words.some((w) => w.stem === e)) });
  });
  return out.sort((a, b) => b.strength - a.strength || (a.id < b.id ? -1 : 1));
}
