// Typing errors: a query word the index holds in no form (not as a stem, a linker variant, a
// prefix or two known parts) is corrected to a word of the index one edit away — a letter
// dropped, added, wrong, or two letters swapped ("procesbegleiding" → procesbegeleiding,
// "loopbaanorientatei" → loopbaanorientatie). As mature spell checkers do (Lucene's
// DirectSpellChecker: minPrefix 1), the first letter is taken as typed and short words are left
// alone: they have too many neighbours. Candidates are checked against the Bloom filter of index
// words (no fetch per candidate; only the piece of the filter for the word's first letter,
// bloom.ts), then verified in their shards (the filter has false positives): those already
// loaded first, then at most a few more — first where a candidate also passes the filter of the
// index's most frequent words, then where the likeliest candidates are.
// Of the verified candidates, the one in the most cases, notes and findings wins.
import { linkerVariants } from './compounds.ts';
import type { SearchMeta } from './types.ts';

/** Words shorter than this are not corrected. */
export const MIN_TYPO_LENGTH = 5;
/** Letters at the start taken as typed. */
export const TYPO_PREFIX = 1;
/** Shards fetched at most per corrected word, beyond those already loaded. */
export const TYPO_SHARDS = 2;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The strings one edit away from a folded word, the first `prefix` letters kept, without the word
 * itself. In a stable order, by how people mistype: two letters swapped, a letter dropped (an
 * insertion here), a wrong letter, a letter too many (a deletion here); each from the end of the
 * word. So where several forms of one stem qualify, the likelier is tried first
 * ("samenwerkng" → samenwerking, not samenwerkig).
 */
export function editCandidates(word: string, prefix = TYPO_PREFIX): string[] {
  const n = word.length;
  const swapped: string[] = [];
  const dropped: string[] = [];
  const wrong: string[] = [];
  const extra: string[] = [];
  for (let i = n; i >= prefix; i--) {
    const head = word.slice(0, i);
    for (const c of LETTERS) dropped.push(head + c + word.slice(i));
    if (i === n) continue;
    const tail = word.slice(i + 1);
    if (i + 1 < n && word[i] !== word[i + 1]) swapped.push(head + word[i + 1] + word[i] + word.slice(i + 2));
    for (const c of LETTERS) if (c !== word[i]) wrong.push(head + c + tail);
    extra.push(head + tail);
  }
  const out = new Set([...swapped, ...dropped, ...wrong, ...extra]);
  out.delete(word);
  return [...out];
}

/** Whether `cand` is `word` with two neighbouring letters swapped. */
function isSwap(word: string, cand: string): boolean {
  let i = 0;
  while (i < word.length && word[i] === cand[i]) i++;
  return i + 1 < word.length && word[i] === cand[i + 1] && word[i + 1] === cand[i] && word.slice(i + 2) === cand.slice(i + 2);
}

/** Whether a folded query word is one the corrector may change: letters only, long enough. */
export const correctable = (word: string): boolean => word.length >= MIN_TYPO_LENGTH && /^[a-z]+$/.test(word);

/** What the corrector needs of the index. */
export interface TypoIndex {
  stem(word: string): string;
  /**
   * Fetch the word filters (mayHave, common) for keys starting as these do (absent: all are
   * loaded). A word's candidates, stems and other forms start with its first letter.
   */
  words?(keys: string[]): Promise<void>;
  /** the Bloom filter: may be a word of the index (false positives, no false negatives) */
  mayHave(key: string): boolean;
  /**
   * The filter of the index's most frequent words (absent: no such hint). A candidate that passes
   * both filters is almost surely a common word of the index: its shard is fetched first.
   */
  common?(key: string): boolean;
  shardOf(key: string): number;
  loaded(shard: number): boolean;
  /** fetch these shards */
  load(shards: number[]): Promise<void>;
  /** cases, notes and findings holding this stem or its compound form (0: not in the index); shards loaded */
  units(stem: string): number;
  /**
   * Findings of the theme (cases of the province) this stem names as a one-word phrase, 0 for
   * none: "procesbegeleiding" is mostly a theme, rarely a word of the text.
   */
  concept(stem: string): number;
}

export interface Correction {
  /** the folded word as typed, and what it was corrected to */
  from: string;
  to: string;
  /** units holding the corrected word's stem (or its compound form) */
  units: number;
}

/** The index keys a candidate word may be found under: its stem and the stem's linker variants. */
const keysOf = (stem: string) => [stem, ...linkerVariants(stem).map((v) => v.form)];

/**
 * Correct a folded word the index does not hold to the word one edit away in the most units, or
 * null when there is none. A compound the index holds only as two parts ("roosterproblemen") is
 * corrected in its head when its modifier is a word of the index: "roosterprobelmen" →
 * rooster + problemen. `maxShards`: shards fetched beyond those loaded, for the whole word.
 */
export async function correctWord(word: string, index: TypoIndex, maxShards = TYPO_SHARDS): Promise<Correction | null> {
  if (!correctable(word)) return null;
  await index.words?.([word]);
  if (otherFormOf(word, index)) return null;
  let budget = maxShards;
  const budgeted: TypoIndex = {
    ...index,
    load: async (shards) => {
      const take = shards.slice(0, Math.max(0, budget));
      budget -= take.length;
      if (take.length) await index.load(take);
    },
  };
  const whole = await correctOne(word, budgeted);
  if (whole) return whole;
  // the modifier known, the head corrected (the head carries the meaning): the longest modifier first
  let best: Correction | null = null;
  for (let i = word.length - MIN_CORRECTED_PART; i >= MIN_KNOWN_PART; i--) {
    const known = word.slice(0, i);
    const stem = index.stem(known);
    if (!stem || !index.mayHave(stem)) continue;
    // a head the index knows needs no correction: the compound has more parts ("verankering-beleidsplan")
    const head = word.slice(i);
    await index.words?.([head]);
    if (keysOf(index.stem(head)).some((k) => index.mayHave(k))) continue;
    const c = await correctOne(head, budgeted);
    if (c && (!best || c.units > best.units)) best = { from: word, to: known + c.to, units: c.units };
  }
  return best;
}

/**
 * Endings of Dutch forms the stemmer leaves apart from their word: agent nouns ("begeleider",
 * "leider", "uitvoerder" beside begeleiden, leiden, uitvoeren), diminutives ("docentje"),
 * adjectives in -isch. The endings the stemmer strips (-en, -e, -s, -ing, -heid, -lijk, …) need
 * no rule: such a form has the stem of its word.
 */
const FORM_ENDING = /^(er|ers|der|ders|aar|aars|ster|sters|je|jes|tje|tjes|pje|pjes|isch|ische)$/;
/** Shortest stem a form is recognised on. */
const MIN_FORM_STEM = 4;

/**
 * The index word a folded word is another form of — a stem the Bloom filter holds followed by a
 * Dutch ending the stemmer does not strip ("begeleider" → begeleid) —, or null. Such a word is no
 * typing error, even where the index holds it only inside compounds (procesbegeleider): it is not
 * "corrected" to a neighbour (begeleiden).
 */
export function otherFormOf(word: string, index: Pick<TypoIndex, 'mayHave'>): string | null {
  for (let i = word.length - 2; i >= MIN_FORM_STEM; i--) {
    const stem = word.slice(0, i);
    if (FORM_ENDING.test(word.slice(i)) && index.mayHave(stem)) return stem;
  }
  return null;
}

/**
 * Shortest known modifier of a compound whose head is corrected, and shortest corrected head: a
 * short part has many neighbours ("ziekenhuis" is no "zienenhuis", "Maastricht" no "maaktricht").
 */
const MIN_KNOWN_PART = 4;
const MIN_CORRECTED_PART = 8;

/**
 * Dutch endings a corrected word may show when the edit falls after its stem. An edit there that
 * leaves another ending makes a word only the stemmer accepts ("leerroutebegeleidens",
 * "kwaliteitszorgs"): such candidates are not taken. A bare -s is left out: it makes too many.
 */
const ENDING = /(e|en|es|ie|ies|ing|ingen|heid|heden|ig|ige|igen|lijk|lijke|baar|bare|end|ende|er|ers|ere|eren)$/;

/**
 * Whether a candidate reads as a Dutch word: it does not end in a doubled consonant
 * ("ondertekenn") or hold a tripled one ("hakkken"), and an edit after its stem leaves a Dutch
 * ending.
 */
function plausible(word: string, cand: string, stem: string): boolean {
  if (/([^aeiou])\1$/.test(cand) || /([^aeiou])\1\1/.test(cand)) return false;
  let at = 0;
  while (at < cand.length && cand[at] === word[at]) at++;
  return at < stem.length || ENDING.test(cand);
}

/** The candidate one edit away from `word` in the most units (correctWord without compounds). */
async function correctOne(word: string, index: TypoIndex): Promise<Correction | null> {
  if (!correctable(word)) return null;
  // candidate words whose stem (or a linker variant of it) may be in the index, by shard, with
  // how many of them are likely common words and the odds that they are words (below)
  const byShard = new Map<number, { list: { word: string; stem: string }[]; common: number; odds: number }>();
  // the word's own stem and its linker variants are no corrections ("beleidsplan" is "beleidplan")
  const stems = new Set<string>(keysOf(index.stem(word)));
  let best: Correction | null = null;
  const consider = (to: string, units: number) => {
    if (units > 0 && (!best || units > best.units)) best = { from: word, to, units };
  };
  for (const cand of editCandidates(word)) {
    const stem = index.stem(cand);
    if (!stem || stems.has(stem) || !plausible(word, cand, stem)) continue;
    stems.add(stem);
    consider(cand, index.concept(stem));
    const keys = keysOf(stem).filter((k) => index.mayHave(k));
    if (!keys.length) continue;
    const shard = index.shardOf(keys[0]);
    let s = byShard.get(shard);
    if (!s) byShard.set(shard, (s = { list: [], common: 0, odds: 0 }));
    s.list.push({ word: cand, stem });
    s.odds += cand.length === word.length + 1 || (cand.length === word.length && !isSwap(word, cand)) ? 1 / LETTERS.length : 1;
    if (index.common && keys.some((k) => index.common!(k))) s.common++;
  }
  const verify = (shards: number[]) => {
    let found = false;
    for (const shard of shards) {
      if (!index.loaded(shard)) continue;
      for (const c of byShard.get(shard)!.list) {
        const units = index.units(c.stem);
        consider(c.word, units);
        found ||= units > 0;
      }
    }
    return found;
  };
  const loaded = [...byShard.keys()].filter((s) => index.loaded(s));
  verify(loaded);
  // At scale the filter lets through many candidates (1 % of some 500 is five), each in its own
  // shard. First the shards holding a likely common word: when one of them holds a word of the
  // index, the rarer candidates elsewhere cannot have more units. Then by the odds that a
  // candidate that passed the filter is a word: each kind of mistake is about as frequent, but a
  // letter dropped or a wrong letter has 26 times more candidates (and false positives) than two
  // letters swapped or a letter too many, so such a candidate counts 1/26.
  const rank = [...byShard].filter(([s]) => !index.loaded(s)).sort(([sa, a], [sb, b]) => b.common - a.common || b.odds - a.odds || sa - sb).map(([s]) => s);
  const likely = rank.filter((s) => byShard.get(s)!.common > 0);
  if (likely.length) {
    await index.load(likely);
    if (verify(likely)) return best;
  }
  const rest = rank.filter((s) => !index.loaded(s));
  if (rest.length) {
    await index.load(rest);
    verify(rest);
  }
  return best;
}

/** One-word phrases of themes, provinces and sectors (stems), with the findings (cases) they hold. */
export function conceptWords(meta: SearchMeta): Map<string, number> {
  const out = new Map<string, number>();
  const add = (phrases: string[], n: number) => {
    for (const p of phrases) if (!p.includes(' ')) out.set(p, Math.max(out.get(p) ?? 0, n));
  };
  for (const t of meta.vocab.themes) add(t.phrases, t.findings);
  for (const p of meta.vocab.provinces) add(p.phrases, p.cases ?? 1);
  for (const s of meta.vocab.sectors) add(s.phrases, 1);
  return out;
}

/**
 * The query with corrected words replaced, as typed otherwise (case, diacritics and punctuation
 * of the other words kept). `fold` folds a word as the analysis does.
 */
export function applyCorrections(q: string, corrections: Correction[], fold: (w: string) => string): string {
  const to = new Map(corrections.map((c) => [c.from, c.to]));
  return q.replace(/[\p{L}\p{M}]+/gu, (w) => to.get(fold(w)) ?? w);
}
