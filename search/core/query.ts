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

/** A description match needs at least this share of the query's (theme-idf weighted) words. */
const DESCRIBES = 0.5;
/** Keep themes within this share of the best match, and at most MAX_THEMES. */
const NEAR_BEST = 0.6;
const MAX_THEMES = 3;

/**
 * Analyse a query. `parts`: for words the index holds in no form (known once its shards are
 * loaded), the two known parts they split into; the parts may describe a theme.
 */
export function analyseQuery(raw: string, meta: SearchMeta, analyzer: Analyzer, parts: ReadonlyMap<number, readonly string[]> = new Map()): QueryAnalysis {
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
  return { q, cut, words, joins, concepts: concepts(words, meta, { parts, generic }) };
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

/** The concepts a query names by phrase, and the themes its words describe (see describedThemes). */
function concepts(words: QueryWord[], meta: SearchMeta, opts: { parts: ReadonlyMap<number, readonly string[]>; generic: ReadonlySet<string> }): ConceptMatch[] {
  const named = namedConcepts(words, meta);
  const places = new Set(named.filter((c) => c.list !== 'themes').flatMap((c) => c.words));
  const ids = new Set(named.filter((c) => c.list === 'themes').map((c) => c.id));
  const described = describedThemes(words, meta.vocab.themes, { ...opts, skip: places }).filter((c) => !ids.has(c.id));
  const themes = [...named.filter((c) => c.list === 'themes'), ...described].sort((a, b) => b.strength * b.words.length - a.strength * a.words.length || (a.id < b.id ? -1 : 1));
  const best = themes.length ? themes[0].strength * themes[0].words.length : 0;
  const keep = themes.filter((c) => c.strength * c.words.length >= NEAR_BEST * best).slice(0, MAX_THEMES);
  return [...keep, ...named.filter((c) => c.list !== 'themes')];
}

/**
 * Words that say what kind of finding is asked for, not what about ("roosterproblemen", "tips voor
 * ouders"): they do not count when matching a query against the themes.
 */
export const GENERIC_WORDS = ['probleem', 'problemen', 'knelpunt', 'uitdaging', 'moeilijkheid', 'obstakel', 'oplossing', 'succesfactor', 'tip', 'ervaring', 'voorbeeld', 'vraag'];

/** Share of a compound's theme match when it matched through its parts. */
const PART = 0.8;

/**
 * Themes the query's words describe: the share of the query (each word weighted by how rare it is
 * among the themes) found in a theme's label, synonyms and definition. A compound the index does
 * not know counts through its two parts (`parts`), each for half, generic parts left out:
 * "roosterproblemen" describes rooster-en-logistiek through "rooster". Words that name a province
 * or sector (`skip`) and generic words do not count.
 */
export function describedThemes(words: QueryWord[], themes: ThemeInfo[], opts: { parts?: ReadonlyMap<number, readonly string[]>; skip?: ReadonlySet<number>; generic?: ReadonlySet<string> } = {}): ConceptMatch[] {
  const parts = opts.parts ?? new Map<number, readonly string[]>();
  const skip = opts.skip ?? new Set<number>();
  const generic = opts.generic ?? new Set<string>();
  const df = new Map<string, number>();
  const maps = themes.map((t) => new Map(t.words));
  for (const m of maps) for (const w of m.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const n = themes.length;
  const idf = (s: string) => Math.log(1 + n / (1 + (df.get(s) ?? 0)));
  const sub = words.map((_, i) => (parts.get(i) ?? []).filter((p) => !generic.has(p)));
  const weight = words.map((w, i) => (skip.has(i) || generic.has(w.stem) ? 0 : Math.max(idf(w.stem), ...sub[i].map(idf))));
  const total = weight.reduce((a, b) => a + b, 0);
  if (!total) return [];
  const out: ConceptMatch[] = [];
  themes.forEach((t, ti) => {
    const tw = (s: string) => maps[ti].get(s) ?? 0;
    let got = 0;
    const covered: number[] = [];
    words.forEach((w, i) => {
      const viaParts = sub[i].length ? (PART * sub[i].reduce((x, p) => x + tw(p), 0)) / sub[i].length : 0;
      const m = Math.max(tw(w.stem), viaParts);
      if (m > 0 && weight[i] > 0) {
        got += m * weight[i];
        covered.push(i);
      }
    });
    const share = got / total;
    if (share >= DESCRIBES) out.push({ list: 'themes', id: t.id, key: `~t:${t.id}`, strength: Math.min(1, share), words: covered, expand: t.expand.filter((e) => !words.some((w) => w.stem === e)) });
  });
  return out;
}
