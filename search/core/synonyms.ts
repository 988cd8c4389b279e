// Word-level synonyms (search/lexicon/synoniemen.txt, read at build time by
// pipeline/index/lexicon.ts), shipped in meta.json as rules of stemmed phrases. The corpus words of
// a rule are indexed under one key per rule (synonymKey), so a query word of the rule fetches one
// list, whichever of its terms the corpus uses: "leraren" meets "docenten", at a lower weight than
// the word typed (rank.ts WEIGHTS.alike). Terms are compared with their double vowels single
// ("leraar" and "leraren", stemmed "leraar" and "lerar", are one term).

import { phraseStarts } from './phrases.ts';

/**
 * A rule: the phrases a query may type, the corpus phrases it meets ([]: the same phrases), and its
 * anchor: the one-word corpus term used most, whose units the rule's key leaves out (the query
 * fetches the anchor's own entry instead, from the same shard). Phrases are stems joined by a space.
 */
export type SynonymRule = [from: string[], to: string[], anchor?: string];

/**
 * Index key of a rule: its anchor stem, a space and the rule's number ("docent ~y:61"), so the key
 * sorts right after the corpus word of the rule used most (files.ts keeps them in one shard) and
 * mostly lands in a shard the query fetches anyway; the space keeps it apart from every word and
 * prefix.
 */
export const synonymKey = (rules: readonly SynonymRule[], rule: number) => `${rules[rule][2] ?? corpusPhrases(rules[rule])[0].split(' ')[0]} ~y:${rule}`;

/** Whether an index key is a word (not a base, synonym or concept key). */
export const isWordKey = (key: string) => !key.includes('~');

/** A stem as the lexicon compares it: double vowels single. */
export const lexKey = (stem: string) => stem.replace(/([aeiou])\1/g, '$1');

/** The corpus phrases of a rule (what the index holds under its key). */
export const corpusPhrases = (r: SynonymRule) => (r.length && r[1].length ? r[1] : r[0]);

export interface WordSynonyms {
  /** keys of the rules the word is typed in, and the anchors of those rules other than the word */
  keys: string[];
  /** stems of the one-word corpus terms of those rules, other than the word (for theme matching) */
  alike: string[];
  /** stems of all their corpus terms' words (marked in snippets) */
  marks: string[];
}

/** Per query word (by stem), the rules whose typed phrases it is part of. */
export function querySynonyms(stems: readonly string[], rules: readonly SynonymRule[]): WordSynonyms[] {
  const keyed = stems.map(lexKey);
  const out: WordSynonyms[] = stems.map(() => ({ keys: [], alike: [], marks: [] }));
  rules.forEach((rule, r) => {
    for (const phrase of rule[0]) {
      const ps = phrase.split(' ').map(lexKey);
      for (const i of phraseStarts(ps, keyed.length, (j, p) => keyed[j] === p)) {
        for (let k = 0; k < ps.length; k++) {
          const w = out[i + k];
          for (const key of [synonymKey(rules, r), ...(rule[2] && lexKey(rule[2]) !== keyed[i + k] ? [rule[2]] : [])]) if (!w.keys.includes(key)) w.keys.push(key);
          for (const t of corpusPhrases(rule)) {
            if (!t.includes(' ') && lexKey(t) !== keyed[i + k] && !w.alike.includes(t)) w.alike.push(t);
            for (const m of t.split(' ')) if (!w.marks.includes(m)) w.marks.push(m);
          }
        }
      }
    }
  });
  return out;
}

/**
 * Matches the corpus phrases of the rules in a stream of stems (index side): `next(stem)` gives the
 * rules (indices) with a phrase that ends at this stem. `reset()` between fields.
 */
export function phraseMatcher(rules: readonly SynonymRule[]): { next(stem: string): number[]; reset(): void } {
  const byLast = new Map<string, { before: string[]; key: number }[]>();
  let longest = 1;
  rules.forEach((rule, r) => {
    for (const phrase of corpusPhrases(rule)) {
      const ps = phrase.split(' ').map(lexKey);
      longest = Math.max(longest, ps.length);
      const last = ps[ps.length - 1];
      const list = byLast.get(last) ?? [];
      if (!list.some((x) => x.key === r && x.before.join(' ') === ps.slice(0, -1).join(' '))) list.push({ before: ps.slice(0, -1), key: r });
      byLast.set(last, list);
    }
  });
  const recent: string[] = [];
  return {
    next(stem) {
      const k = lexKey(stem);
      recent.push(k);
      if (recent.length > longest) recent.shift();
      const cands = byLast.get(k);
      if (!cands) return [];
      const out: number[] = [];
      for (const c of cands) {
        const n = c.before.length;
        if (n >= recent.length) continue;
        if (c.before.every((p, j) => recent[recent.length - 1 - n + j] === p) && !out.includes(c.key)) out.push(c.key);
      }
      return out;
    },
    reset() {
      recent.length = 0;
    },
  };
}
