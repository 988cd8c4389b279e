// The postings of the index, computed the way lunr's Builder computes its field vectors (BM25 with
// k1 = 1.2, b = 0.75, lunr's idf that counts a document once per field holding the term, field
// boosts, scores rounded to three decimals), but in one pass over typed arrays instead of lunr's
// per-document objects: lunr's own builder took 25 s for 10 000 synthetic cases. A test checks the
// scores against lunr's Builder on the real corpus.
// Per term the text fields are summed into one score per unit. Compound terms are stored under
// their canonical form (search/core/compounds.ts), and also count for their head.
import { baseKey, eachToken, type Analyzer } from '../../search/core/analysis.ts';
import { splitTerm } from '../../search/core/compounds.ts';
import { corpusPhrases, phraseMatcher, type SynonymRule } from '../../search/core/synonyms.ts';
import type { Unit } from './units.ts';

const K1 = 1.2;
const B = 0.75;

/** lunr.idf: documentsWithTerm counts a document once per field that holds the term. */
export function lunrIdf(documentsWithTerm: number, documentCount: number): number {
  const x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
  return Math.log(1 + Math.abs(x));
}

/** One field's BM25 score as lunr rounds it. */
export function bm25(idf: number, tf: number, fieldLength: number, avgLength: number, boost: number): number {
  const score = (idf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (fieldLength / (avgLength || 1))) + tf);
  return Math.round(score * boost * 1000) / 1000;
}

export interface Postings {
  units: Int32Array;
  scores: Float64Array;
}

export interface TermPostings extends Postings {
  term: string;
  df: number;
  modLen: number;
  /** units where the term is the head of a compound, with that compound's score */
  head: Postings | null;
}

export interface TextIndex {
  /** canonical terms, sorted */
  terms: TermPostings[];
  byTerm: Map<string, TermPostings>;
  /** the canonical form of a (literal) stem, or the stem itself */
  canon(stem: string): string;
  /** per synonym rule, its one-word corpus term used most ('' when it has none: phrases only) */
  anchors: string[];
}

/**
 * Postings of the text fields; `boosts` gives each field's boost, in the order of `Unit.text`.
 * `synonyms`: the lexicon's rules; a text holding a corpus phrase of a rule also counts for the
 * rule's key (search/core/synonyms.ts).
 */
export function textPostings(units: readonly Unit[], boosts: readonly number[], analyzer: Analyzer, synonyms: readonly SynonymRule[] = []): TextIndex {
  const N = units.length;
  const F = boosts.length;
  const ids = new Map<string, number>();
  const literal: string[] = [];
  // per literal term: flat (unit, field, tf) triples, in unit then field order
  const occ: number[][] = [];
  const lengths = boosts.map(() => new Uint32Array(N));
  // word as tokenised → literal term id (-1: stop word); saves stemming and string keys per occurrence
  const idOf = new Map<string, number>();
  let tf = new Int32Array(1024);
  const touched: number[] = [];
  const idFor = (stem: string): number => {
    let id = stem ? ids.get(stem) : -1;
    if (id === undefined) {
      id = literal.length;
      ids.set(stem, id);
      literal.push(stem);
      occ.push([]);
      if (id >= tf.length) {
        const grown = new Int32Array(tf.length * 2);
        grown.set(tf);
        tf = grown;
      }
    }
    return id;
  };
  // a form of a base word ("geëvalueerd") also counts for the base's key (see analysis.baseForm)
  const baseOf = new Map<string, number>();
  const countId = (id: number) => {
    if (id >= 0 && tf[id]++ === 0) touched.push(id);
  };
  const matcher = synonyms.length ? phraseMatcher(synonyms) : null;
  const count = (w: string, joined: boolean) => {
    let id = idOf.get(w);
    if (id === undefined) {
      id = idFor(analyzer.stemFolded(w));
      idOf.set(w, id);
      const b = id < 0 ? '' : analyzer.baseStem(w);
      if (b) baseOf.set(w, idFor(baseKey(b)));
    }
    countId(id);
    const b = baseOf.get(w);
    if (b !== undefined) countId(b);
    if (matcher && id >= 0 && !joined) for (const r of matcher.next(literal[id])) countId(synonymId(r));
  };
  // synonym keys are no words of the text: they do not count in its length (BM25 stays as without
  // them); counted under a placeholder, named once the words are counted (anchors below)
  const synonymIds = new Map<number, number>();
  const synonymId = (rule: number) => {
    const id = idFor(`~y:${rule}`);
    synonymIds.set(id, rule);
    return id;
  };
  for (let u = 0; u < N; u++) {
    const text = units[u].text;
    for (let f = 0; f < F; f++) {
      if (!text[f]) continue;
      matcher?.reset();
      eachToken(text[f], count);
      let len = 0;
      for (const id of touched) {
        if (!synonymIds.has(id)) len += tf[id];
        occ[id].push(u, f, tf[id]);
        tf[id] = 0;
      }
      touched.length = 0;
      lengths[f][u] = len;
    }
  }
  const avg = lengths.map((l) => l.reduce((a, b) => a + b, 0) / (N || 1));

  // each rule's key sorts beside its one-word corpus term used most, its anchor (synonyms.ts
  // synonymKey), and leaves out the units holding the anchor: a query fetches the anchor's own
  // entry beside it, so a rule of common words does not ship their postings twice
  const anchors = synonyms.map((rule) => {
    const stems = corpusPhrases(rule).filter((p) => !p.includes(' '));
    const used = (st: string) => occ[ids.get(st) ?? -1]?.length ?? 0;
    return stems.length ? stems.reduce((best, st) => (used(st) > used(best) ? st : best), stems[0]) : '';
  });
  for (const [id, rule] of synonymIds) {
    const anchor = anchors[rule];
    ids.delete(literal[id]);
    literal[id] = `${anchor || corpusPhrases(synonyms[rule])[0].split(' ')[0]} ~y:${rule}`;
    ids.set(literal[id], id);
    const own = occ[ids.get(anchor) ?? -1];
    if (!own) continue;
    const held = new Set<number>();
    for (let k = 0; k < own.length; k += 3) held.add(own[k]);
    occ[id] = occ[id].filter((_, k, all) => !held.has(all[k - (k % 3)]));
  }

  // canonical compounds: literal terms grouped under their canonical form
  const known = (s: string) => ids.has(s);
  const split = literal.map((t) => splitTerm(t, known));
  const groups = new Map<string, number[]>();
  literal.forEach((t, i) => {
    const c = split[i]?.canon ?? t;
    const g = groups.get(c);
    if (g) g.push(i);
    else groups.set(c, [i]);
  });
  const canonOf = (stem: string): string => {
    const i = ids.get(stem);
    return i === undefined ? stem : (split[i]?.canon ?? stem);
  };

  const terms: TermPostings[] = [];
  for (const [term, members] of groups) {
    const triples = members.length === 1 ? occ[members[0]] : mergeTriples(members.map((i) => occ[i]));
    const df = triples.length / 3;
    const idf = lunrIdf(df, N);
    const us: number[] = [];
    const ss: number[] = [];
    for (let k = 0; k < triples.length; k += 3) {
      const u = triples[k];
      const f = triples[k + 1];
      const s = bm25(idf, triples[k + 2], lengths[f][u], avg[f], boosts[f]);
      if (us.length && us[us.length - 1] === u) ss[ss.length - 1] += s;
      else {
        us.push(u);
        ss.push(s);
      }
    }
    const sp = members.map((i) => split[i]).find((s) => s && s.canon === term);
    terms.push({ term, df, modLen: sp?.modLen ?? 0, units: Int32Array.from(us), scores: Float64Array.from(ss), head: null });
  }
  terms.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  const byTerm = new Map(terms.map((t) => [t.term, t]));

  // heads: a compound's units also count for its head, with the compound's score (best per unit)
  const heads = new Map<string, Map<number, number>>();
  for (const t of terms) {
    if (!t.modLen) continue;
    const head = canonOf(t.term.slice(t.modLen));
    if (!byTerm.has(head) || head === t.term) continue;
    let m = heads.get(head);
    if (!m) heads.set(head, (m = new Map()));
    for (let i = 0; i < t.units.length; i++) m.set(t.units[i], Math.max(m.get(t.units[i]) ?? 0, t.scores[i]));
  }
  for (const [h, m] of heads) byTerm.get(h)!.head = fromMap(m);
  return { terms, byTerm, canon: canonOf, anchors };
}

/** Merge triple lists (each in unit, field order), summing the tf of equal (unit, field). */
function mergeTriples(lists: number[][]): number[] {
  const all: [number, number, number][] = [];
  for (const l of lists) for (let k = 0; k < l.length; k += 3) all.push([l[k], l[k + 1], l[k + 2]]);
  all.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: number[] = [];
  for (const [u, f, c] of all) {
    const n = out.length;
    if (n && out[n - 3] === u && out[n - 2] === f) out[n - 1] += c;
    else out.push(u, f, c);
  }
  return out;
}

export function fromMap(m: Map<number, number>): Postings {
  const units = Int32Array.from([...m.keys()].sort((a, b) => a - b));
  return { units, scores: Float64Array.from(units, (u) => m.get(u)!) };
}

/**
 * A token field as lunr scores it (one token per value, tf 1): per value, the units that carry it
 * with their BM25 score. `values(u)` lists a unit's values.
 */
export function tokenPostings(units: readonly Unit[], values: (u: Unit) => readonly string[], boost: number): Map<string, Postings> {
  const N = units.length;
  const byValue = new Map<string, number[]>();
  let total = 0;
  units.forEach((unit, u) => {
    const vs = values(unit);
    total += vs.length;
    for (const v of new Set(vs)) {
      const l = byValue.get(v);
      if (l) l.push(u);
      else byValue.set(v, [u]);
    }
  });
  const avg = total / (N || 1);
  const out = new Map<string, Postings>();
  for (const [v, us] of byValue) {
    const idf = lunrIdf(us.length, N);
    out.set(v, { units: Int32Array.from(us), scores: Float64Array.from(us, (u) => bm25(idf, 1, values(units[u]).length, avg, boost)) });
  }
  return out;
}

/** Best score per unit over several posting lists, keeping the `limit` best units. */
export function bestOf(lists: readonly Postings[], units: number, limit: number): Postings {
  const best = new Float64Array(units);
  for (const l of lists) for (let i = 0; i < l.units.length; i++) if (l.scores[i] > best[l.units[i]]) best[l.units[i]] = l.scores[i];
  let hit: number[] = [];
  for (let u = 0; u < units; u++) if (best[u] > 0) hit.push(u);
  if (hit.length > limit) hit = hit.sort((a, b) => best[b] - best[a] || a - b).slice(0, limit).sort((a, b) => a - b);
  return { units: Int32Array.from(hit), scores: Float64Array.from(hit, (u) => best[u]) };
}
