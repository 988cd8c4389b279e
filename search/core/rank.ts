// Ranking of units (cases, notes, findings) for an analysed query, on the loaded postings. Each
// word scores with its stem (and linker variants) in the text, as the head of compounds, as a
// prefix (all words of 4+ letters; the word being typed from 2 letters), as two parts when the
// index does not know it; adjacent words joined score as one; each concept the query names adds
// its tag list and the best of its synonyms. A unit's score is the sum, times the share of the
// query's words it matches (idf-weighted) to the power WEIGHTS.coverage, so a finding that
// matches every word beats a long case text that matches many words once.
import { LIST } from './format.ts';
import type { QueryAnalysis } from './query.ts';
import { isWordKey } from './synonyms.ts';
import type { PostingList, ShardEntry } from './types.ts';

/**
 * Weights of the parts of a query (multiplied with lunr's BM25 scores, which carry the field
 * boosts). `npm run eval:search` measures the effect of changing them.
 */
export const WEIGHTS = {
  /** the word's stem (or a linker variant) in the text fields */
  word: 1,
  /** a compound with the word as its head ("stage" → "docentstage") */
  head: 0.4,
  /** a longer term starting with the word (compounds: "stage" → "stageplaatsen") */
  prefix: 0.35,
  /** the last word while typing ("gastl" → "gastlessen") */
  typing: 0.8,
  /** another form of the word ("evaluatie", "geëvalueerd" for "evalueren"; analysis.baseForm) */
  base: 0.5,
  /** a synonym of the word in the lexicon ("docenten" for "leraren"; synonyms.ts) */
  alike: 0.3,
  /** share of that weight when the corpus holds the word itself */
  alikeOwn: 0.5,
  /** parts of a compound the index does not hold ("horecabedrijf" → "horeca" + "bedrijf") */
  part: 0.5,
  /** a theme the query is about (times the share it explains): the units tagged with it */
  themes: 0.25,
  /** a province named: its units */
  provinces: 1.5,
  /** a sector named: its units */
  sectors: 0.3,
  /** the best of a named concept's one-word synonyms in the text */
  synonym: 0.2,
  /** coverage: the score is multiplied by (share of the query's idf-weighted words matched) ^ this */
  coverage: 2,
  /** coverage weight of a word that names a concept (the query's topic), in queries of several words */
  topic: 3,
  /** share of a word's coverage weight when it matched only through a concept or one compound part */
  concept: 0.7,
  /** units tagged with a theme the query is about score (1 + this × the theme's strength) times more */
  tagged: 0.5,
};
export type Weights = typeof WEIGHTS;

/** What the ranking reads: the loaded shard entries. */
export interface Postings {
  entry(key: string): ShardEntry | undefined;
  /** loaded text terms starting with `prefix` (at most `limit`, in key order) */
  prefixed(prefix: string, limit: number): ShardEntry[];
  /** number of units in the index (for idf) */
  units: number;
}

export interface Ranked {
  /** matching units (unsorted) and their scores */
  units: Int32Array;
  scores: Float64Array;
  /** index terms that matched, for marking snippets */
  matched: Set<string>;
}

/** Terms a query needs, for the loader: exact keys and prefixes. */
export function neededKeys(a: QueryAnalysis, typingMin = 2): { keys: string[]; prefixes: string[] } {
  const keys = new Set<string>();
  const prefixes = new Set<string>();
  a.words.forEach((w, i) => {
    keys.add(w.stem);
    for (const v of w.variants) keys.add(v.form);
    for (const b of w.base ?? []) keys.add(b);
    for (const k of w.synonyms?.keys ?? []) keys.add(k);
    if (usesPrefix(w.prefix, i === a.words.length - 1, typingMin)) prefixes.add(w.prefix);
    if (w.modifier) prefixes.add(w.modifier);
  });
  for (const j of a.joins) for (const k of [j.form, ...j.variants.map((v) => v.form)]) keys.add(k);
  for (const c of a.concepts) keys.add(c.key);
  return { keys: [...keys], prefixes: [...prefixes] };
}

const usesPrefix = (p: string, last: boolean, typingMin: number) => p.length >= 4 || (last && p.length >= typingMin);

/** lunr.idf for a term found in `df` (unit, field) pairs. */
export function idf(df: number, n: number): number {
  return Math.log(1 + Math.abs((n - df + 0.5) / (df + 0.5)));
}

const listOf = (e: ShardEntry | undefined, kind: number): PostingList | undefined => e?.lists.find((l) => l.kind === kind);

/** Entries for a word: its stem, and the linker variants the index holds as compounds split there. */
export function exactEntries(p: Postings, stem: string, variants: { form: string; modLen: number }[]): ShardEntry[] {
  const out: ShardEntry[] = [];
  const e = p.entry(stem);
  if (e) out.push(e);
  for (const v of variants) {
    const x = p.entry(v.form);
    if (x && x.modLen === v.modLen && !out.includes(x)) out.push(x);
  }
  return out;
}

/** Entries of a word's related forms (QueryWord.base) other than `exact`. */
export function baseEntries(p: Postings, word: { base?: string[] }, exact: ShardEntry[] = []): ShardEntry[] {
  return entriesOf(p, word.base, exact);
}

/** Entries of a word's lexicon rules (QueryWord.synonyms). */
export const synonymEntries = (p: Postings, word: { synonyms?: { keys: string[] } }): ShardEntry[] => entriesOf(p, word.synonyms?.keys, []);

function entriesOf(p: Postings, keys: string[] | undefined, exact: ShardEntry[]): ShardEntry[] {
  const out: ShardEntry[] = [];
  for (const k of keys ?? []) {
    const e = p.entry(k);
    if (e && !exact.includes(e) && !out.includes(e)) out.push(e);
  }
  return out;
}

/** Units kept at least, whatever their coverage, when there are that many (see combine). */
const KEEP = 10;

/** A posting list with a weight, and whether it matches the word itself (not only a concept it names). */
interface Part {
  list: PostingList;
  weight: number;
  literal: boolean;
}

/**
 * Ranks units, with buffers the size of the index reused between queries (typed arrays instead of
 * maps: at 10 000 cases a common word has tens of thousands of postings).
 */
export class Scorer {
  private readonly total: Float64Array;
  private readonly cov: Float64Array;
  private readonly word: Float64Array;
  private readonly lit: Uint8Array;
  private readonly seen: Uint8Array;
  private readonly seenAll: Uint8Array;
  private readonly touched: Int32Array;
  private readonly touchedAll: Int32Array;

  constructor(readonly n: number) {
    this.total = new Float64Array(n);
    this.cov = new Float64Array(n);
    this.word = new Float64Array(n);
    this.lit = new Uint8Array(n);
    this.seen = new Uint8Array(n);
    this.seenAll = new Uint8Array(n);
    this.touched = new Int32Array(n);
    this.touchedAll = new Int32Array(n);
  }

  /** Best score per unit over several lists, as one list. */
  private best(lists: (PostingList | undefined)[]): PostingList {
    let k = 0;
    for (const l of lists) {
      if (!l) continue;
      for (let i = 0; i < l.units.length; i++) {
        const u = l.units[i];
        if (!this.seen[u]) {
          this.seen[u] = 1;
          this.touched[k++] = u;
        }
        if (l.scores[i] > this.word[u]) this.word[u] = l.scores[i];
      }
    }
    const units = this.touched.slice(0, k).sort();
    const scores = new Float64Array(k);
    units.forEach((u, i) => {
      scores[i] = this.word[u];
      this.word[u] = 0;
      this.seen[u] = 0;
    });
    return { kind: LIST.text, units, scores };
  }

  /**
   * Rank the units for a query. `parts`: for words the index does not know, the two known parts
   * they split into (see compounds.decompound). Returns the hits unsorted.
   */
  rank(a: QueryAnalysis, p: Postings, parts: ReadonlyMap<number, readonly string[]> = new Map(), w: Weights = WEIGHTS): Ranked {
    const n = a.words.length;
    const matched = new Set<string>();
    if (!n) return { units: new Int32Array(0), scores: new Float64Array(0), matched };
    const contrib: Part[][] = a.words.map(() => []);
    const add = (i: number, list: PostingList | undefined, weight: number, literal: boolean) => {
      if (list && list.units.length) contrib[i].push({ list, weight, literal });
    };
    const wordIdf: number[] = [];
    // a word that names a part of the country is no word of the text: "noorden" is not the
    // "noord" of Noord-Holland
    const region = new Set(a.concepts.flatMap((c) => (c.region ? c.words : [])));
    a.words.forEach((word, i) => {
      if (region.has(i)) {
        wordIdf.push(idf(0, p.units));
        return;
      }
      const exact = exactEntries(p, word.stem, word.variants);
      for (const e of exact) {
        add(i, listOf(e, LIST.text), w.word, true);
        add(i, listOf(e, LIST.head), w.head, true);
        matched.add(e.key);
      }
      const related = baseEntries(p, word, exact);
      const alike = synonymEntries(p, word);
      if (related.length || alike.length) {
        // units holding the word's own form count once, as that form; then its other forms, then its synonyms
        const have = new Set(exact.flatMap((e) => Array.from(listOf(e, LIST.text)?.units ?? [])));
        // a word the corpus uses itself leans less on its synonyms
        const aw = exact.length ? w.alike * w.alikeOwn : w.alike;
        for (const [e, weight] of [...related.map((e) => [e, w.base] as const), ...alike.map((e) => [e, aw] as const)]) {
          const l = listOf(e, LIST.text);
          if (!l) continue;
          const keep = Array.from({ length: l.units.length }, (_, k) => k).filter((k) => !have.has(l.units[k]));
          for (const k of keep) have.add(l.units[k]);
          add(i, { kind: LIST.text, units: keep.map((k) => l.units[k]), scores: keep.map((k) => l.scores[k]) }, weight, true);
          if (isWordKey(e.key)) matched.add(e.key);
        }
        if (alike.length) for (const m of word.synonyms?.marks ?? []) matched.add(m);
      }
      wordIdf.push(idf((exact.length ? exact : related.length ? related : alike).reduce((m, e) => Math.max(m, e.df), 0), p.units));
      const last = i === n - 1;
      let longer: ShardEntry[] = [];
      if (usesPrefix(word.prefix, last, 2)) {
        longer = p.prefixed(word.prefix, 60).filter((e) => !exact.includes(e));
        if (word.modifier) for (const e of p.prefixed(word.modifier, 60)) if (!exact.includes(e) && !longer.includes(e)) longer.push(e);
        if (longer.length) add(i, this.best(longer.map((e) => listOf(e, LIST.text))), last && !exact.length ? w.typing : w.prefix, true);
        for (const e of longer) matched.add(e.key);
      }
      const split = parts.get(i);
      if (split && !exact.length && !related.length && !alike.length && !longer.length) {
        // a compound the index does not hold: units with both parts match it; with one part, as a concept
        const [x, y] = split.map((s) => {
          const e = p.entry(s);
          return this.best([listOf(e, LIST.text), ...p.prefixed(s, 60).map((k) => listOf(k, LIST.text))]);
        });
        const ys = new Map(Array.from(y.units, (u, k) => [u, y.scores[k]]));
        const both = { u: [] as number[], s: [] as number[] };
        const one = { u: [] as number[], s: [] as number[] };
        for (let k = 0; k < x.units.length; k++) {
          const u = x.units[k];
          const sy = ys.get(u);
          if (sy !== undefined) {
            both.u.push(u);
            both.s.push(x.scores[k] + sy);
            ys.delete(u);
          } else {
            one.u.push(u);
            one.s.push(x.scores[k]);
          }
        }
        for (const [u, sy] of ys) {
          one.u.push(u);
          one.s.push(sy);
        }
        add(i, { kind: LIST.text, units: both.u, scores: both.s }, w.part, true);
        add(i, { kind: LIST.text, units: one.u, scores: one.s }, w.part / 2, false);
        for (const s of split) matched.add(s);
        wordIdf[i] = Math.max(...split.map((s) => idf(p.entry(s)?.df ?? 0, p.units)));
      }
    });
    for (const j of a.joins) {
      for (const e of exactEntries(p, j.form, j.variants)) {
        const l = listOf(e, LIST.text);
        add(j.at, l, w.word, true);
        add(j.at + 1, l, 0, true);
        matched.add(e.key);
      }
    }
    const topic = new Set<number>();
    // provinces named in one query are alternatives ("Brabant en Limburg", "het zuiden"): a unit
    // in any of them covers the words that name them all
    const provinceWords = [...new Set(a.concepts.flatMap((c) => (c.list === 'provinces' ? c.words : [])))];
    for (const c of a.concepts) {
      const e = p.entry(c.key);
      if (!e) continue;
      const tag = listOf(e, LIST.tag);
      const syn = listOf(e, LIST.synonym);
      const [first, ...rest] = c.words;
      add(first, tag, w[c.list] * c.strength, false);
      add(first, syn, w.synonym * c.strength, false);
      for (const i of rest) {
        add(i, tag, 0, false);
        add(i, syn, 0, false);
      }
      if (c.list === 'provinces') for (const i of provinceWords) if (!c.words.includes(i)) add(i, tag, 0, true);
      for (const s of c.expand) matched.add(s);
      for (const i of c.words) topic.add(i);
    }
    if (n > 1) for (const i of topic) wordIdf[i] *= w.topic;
    const boosts = a.concepts.flatMap((c) => {
      const tag = c.list === 'themes' ? listOf(p.entry(c.key), LIST.tag) : undefined;
      return tag ? [{ list: tag, factor: w.tagged * c.strength }] : [];
    });
    return this.combine(contrib, wordIdf, w, matched, boosts);
  }

  /** Sum each word's parts, fold them into score and coverage, and keep the units that cover enough. */
  private combine(contrib: Part[][], wordIdf: number[], w: Weights, matched: Set<string>, boosts: { list: PostingList; factor: number }[]): Ranked {
    const { total, cov, word, lit, seen, seenAll, touched, touchedAll } = this;
    let all = 0;
    contrib.forEach((parts, i) => {
      let k = 0;
      for (const { list, weight, literal } of parts) {
        for (let j = 0; j < list.units.length; j++) {
          const u = list.units[j];
          if (!seen[u]) {
            seen[u] = 1;
            touched[k++] = u;
          }
          word[u] += list.scores[j] * weight;
          if (literal) lit[u] = 1;
        }
      }
      for (let j = 0; j < k; j++) {
        const u = touched[j];
        if (!seenAll[u]) {
          seenAll[u] = 1;
          touchedAll[all++] = u;
        }
        total[u] += word[u];
        cov[u] += wordIdf[i] * (lit[u] ? 1 : w.concept);
        word[u] = 0;
        lit[u] = 0;
        seen[u] = 0;
      }
    });
    // a unit tagged with several themes of the query is boosted for each ("kosten van een kleine klas")
    for (const { list, factor } of boosts) for (let j = 0; j < list.units.length; j++) if (seenAll[list.units[j]]) word[list.units[j]] += factor;
    const sumIdf = wordIdf.reduce((s, x) => s + x, 0) || 1;
    // with several words, units covering less than half of what the best cover drop out — unless
    // that leaves fewer than KEEP: a rare word in one case must not hide the rest of the question
    const covs = Float64Array.from({ length: all }, (_, j) => cov[touchedAll[j]] / sumIdf).sort().reverse();
    const min = contrib.length >= 2 ? Math.min((covs[0] ?? 0) / 2, covs[Math.min(KEEP, all) - 1] ?? 0) : 0;
    const units: number[] = [];
    const scores: number[] = [];
    for (let j = 0; j < all; j++) {
      const u = touchedAll[j];
      const coverage = cov[u] / sumIdf;
      if (coverage >= min) {
        units.push(u);
        scores.push(total[u] * coverage ** w.coverage * (1 + word[u]));
      }
      word[u] = 0;
      total[u] = 0;
      cov[u] = 0;
      seenAll[u] = 0;
    }
    return { units: Int32Array.from(units), scores: Float64Array.from(scores), matched };
  }
}
