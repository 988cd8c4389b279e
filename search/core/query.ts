// Query analysis: the words of a query (capped in length and number), their stems, linker
// variants and prefixes, adjacent words joined ("mbo docenten" → mbodocent), and the concepts it
// names: a theme, province or sector by one of its phrases ("BPV", "loopbaanorientatie",
// "Fryslân"), or a theme by the words that describe it ("rol van de docent in vo en mbo" →
// Rol en bekwaamheid van de docent).
import { baseKey, isBaseWord, normaliseWord, numberJoin, verbModifier, words as splitWords, type Analyzer } from './analysis.ts';
import { linkerVariants, MIN_PART } from './compounds.ts';
import { regionProvinces } from './regions.ts';
import { phraseStarts } from './phrases.ts';
import { querySynonyms, type WordSynonyms } from './synonyms.ts';
import { GENERIC_WORDS, themeMatches, MATCHING, type MatchOptions } from './theme-match.ts';
import type { SearchMeta } from './types.ts';

export { MATCHING, type Matching } from './theme-match.ts';

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
  /**
   * the start of a compound with the word as its modifier in the plural, where the plural does not
   * start with the word ("decaan" → "decanen": decanenkring); the prefix covers the others
   */
  modifier?: string;
  /**
   * keys of the word's related forms (analysis.baseForm): its base's stem and the base's key
   * ("geëvalueerd" → evaluer, ~b:evaluer), or the key of the forms of a base word ("evalueren")
   */
  base?: string[];
  /** followed by a subject pronoun ("hoe zorg je"): a verb, which names no sector or province */
  verb?: boolean;
  /** the lexicon's rules the word is typed in (synonyms.ts): their keys and corpus terms */
  synonyms?: WordSynonyms;
}

/** Subject pronouns: a word before one of them in a question is a verb ("hoe zorg je dat …", "wat doen we"). */
const PRONOUNS = new Set(['je', 'jij', 'u', 'we', 'wij', 'ze', 'zij', 'hij', 'men', 'jullie']);

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
  /** named by a part of the country ("het noorden"): its words are not looked up in the text */
  region?: boolean;
}

export interface QueryAnalysis {
  q: string;
  /** the query was cut: 'chars' or 'words' */
  cut: 'chars' | 'words' | null;
  words: QueryWord[];
  /** adjacent words joined, as one stem, with its linker variants (as a typed compound's): words i and i + 1 */
  joins: { at: number; form: string; variants: { form: string; modLen: number }[] }[];
  concepts: ConceptMatch[];
}

/** Cut a query to LIMITS.chars (at a word boundary when there is one). */
export function capQuery(q: string): { q: string; cut: 'chars' | null } {
  if (q.length <= LIMITS.chars) return { q, cut: null };
  const head = q.slice(0, LIMITS.chars);
  const space = head.search(/\s\S*$/);
  return { q: (space > LIMITS.chars / 2 ? head.slice(0, space) : head).trim(), cut: 'chars' };
}

/**
 * Analyse a query. Once the index's shards for its words are loaded, the engine analyses it again
 * with `opts`: how informative each word is in the index, and for words the index does not hold
 * the two known parts they split into; the themes it is about follow from those.
 */
export function analyseQuery(raw: string, meta: SearchMeta, analyzer: Analyzer, opts: MatchOptions = {}): QueryAnalysis {
  const capped = capQuery(String(raw ?? ''));
  let cut: QueryAnalysis['cut'] = capped.cut;
  let typed = splitWords(capped.q);
  if (typed.length > LIMITS.words) {
    typed = typed.slice(0, LIMITS.words);
    cut = 'words';
  }
  const list = typed.map(ordinalWord);
  const content = list.filter((w) => !analyzer.isStopWord(w));
  // a word that comes back (with the same stem) counts once: "vmbo-docent en mbo-docent"
  const seen = new Set<string>();
  const words: QueryWord[] = [];
  const verbs = new Set(list.flatMap((w, i) => (i > 0 && PRONOUNS.has(w) ? [list[i - 1]] : [])));
  for (const w of content.length ? content : list) {
    const stem = analyzer.stem(w) || w;
    if (seen.has(stem)) continue;
    seen.add(stem);
    const b = analyzer.baseStem(w);
    const base = b ? [b, baseKey(b)] : isBaseWord(w) ? [baseKey(stem)] : [];
    const prefix = normaliseWord(w);
    // a vowel the stemmer undoubled ("decaan" → "decan"): the plural modifier is stem + "en"
    // a separable verb whose stem doubles a vowel: "meelopen", "meegelopen" → meeloop(dag)
    const modifier = (stem.length >= 4 && /^[a-z]+$/.test(stem) && !prefix.startsWith(stem) && /[aeou]{2}[^aeiou]$/.test(w) ? `${stem}en` : undefined) ?? verbModifier(w) ?? undefined;
    words.push({ word: w, stem, prefix, variants: linkerVariants(stem), base, ...(modifier ? { modifier } : {}), ...(verbs.has(w) ? { verb: true } : {}) });
  }
  // word-level synonyms (the lexicon): "leraren" also meets "docenten"
  querySynonyms(words.map((w) => w.stem), meta.synonyms ?? []).forEach((syn, i) => {
    if (syn.keys.length) words[i].synonyms = syn;
  });
  const joins: QueryAnalysis['joins'] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i].word;
    const b = words[i + 1].word;
    const n = numberJoin(a, b);
    // "beroeps houding" is the compound "beroepshouding", which the index holds without its linker
    if (n) joins.push({ at: i, form: analyzer.stem(n), variants: [] });
    else if (/^[a-z]+$/.test(a + b) && a.length + b.length >= 2 * MIN_PART) {
      const form = analyzer.stem(a + b);
      joins.push({ at: i, form, variants: linkerVariants(form) });
    }
  }
  const q = cut === 'words' ? typed.join(' ') : capped.q;
  const generic = new Set(GENERIC_WORDS.map((g) => analyzer.stem(g)));
  return { q, cut, words, joins, concepts: concepts(words, meta, { ...opts, generic }) };
}

const ORDINALS = ['eerste', 'tweede', 'derde', 'vierde', 'vijfde', 'zesde', 'zevende', 'achtste', 'negende', 'tiende'];

/** An ordinal in digits as the word the texts write: "4e", "4de" → "vierde", "1ste" → "eerste" (so "4e jaars" finds "vierdejaars"). */
export function ordinalWord(w: string): string {
  const m = /^([1-9]|10)(e|de|ste)$/.exec(w);
  return m ? ORDINALS[Number(m[1]) - 1] : w;
}

const LISTS: { list: ConceptList; prefix: string }[] = [
  { list: 'themes', prefix: '~t:' },
  { list: 'provinces', prefix: '~p:' },
  { list: 'sectors', prefix: '~s:' },
];

/**
 * The themes, provinces and sectors a query names by one of their phrases (on stems or linker
 * variants), and the provinces of a part of the country it names (regions.ts). A verb ("hoe zorg
 * je") names no province or sector.
 */
export function namedConcepts(words: QueryWord[], meta: SearchMeta): ConceptMatch[] {
  // a phrase word matches a query word's stem or one of its linker variants
  const forms = words.map((w) => new Set([w.stem, ...w.variants.map((v) => v.form)]));
  const stems = words.map((w) => w.stem);
  const named: ConceptMatch[] = [];
  const verbs = new Set(words.flatMap((w, i) => (w.verb ? [i] : [])));
  for (const { list, prefix } of LISTS) {
    for (const item of meta.vocab[list]) {
      const covered = new Set<number>();
      for (const phrase of item.phrases) {
        const ps = phrase.split(' ');
        for (const i of phraseStarts(ps, forms.length, (j, p) => forms[j].has(p))) {
          if (list !== 'themes' && ps.some((_, k) => verbs.has(i + k))) continue;
          for (let k = 0; k < ps.length; k++) covered.add(i + k);
        }
      }
      if (covered.size) named.push({ list, id: item.id, key: prefix + item.id, strength: 1, words: [...covered].sort((a, b) => a - b), expand: item.expand.filter((t) => !stems.includes(t)) });
    }
  }
  // a part of the country names each of its provinces ("het zuiden": Noord-Brabant and Limburg)
  for (const [id, at] of regionProvinces(words.map((w) => w.word))) {
    const item = meta.vocab.provinces.find((p) => p.id === id);
    if (!item) continue;
    const same = named.find((c) => c.list === 'provinces' && c.id === id);
    if (same) same.words = [...new Set([...same.words, ...at])].sort((a, b) => a - b);
    else named.push({ list: 'provinces', id, key: `~p:${id}`, strength: 1, words: [...new Set(at)].sort((a, b) => a - b), expand: item.expand.filter((t) => !stems.includes(t)), region: true });
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
