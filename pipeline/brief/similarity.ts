// How alike two findings are in what they say: the cosine of their TF-IDF vectors over content
// terms (see terms.ts), with the inverse document frequency taken over every finding in the corpus.
// Vectors are sparse and sorted by term number, so a cosine is one merge of two short arrays.
//
// Pairs above a threshold in a set of findings: every pair while the set is small (exact); for a
// large set (thousands of findings on one theme, in a synthetic corpus of 10 000 cases) only pairs
// that share one of their strongest terms are scored, each term's list capped, so the work grows
// with the size of the set instead of its square.
import { contentTerms } from './terms.ts';

export interface SparseVector {
  terms: Int32Array;
  weights: Float64Array;
}

export interface Pair {
  /** indices into the set, a < b */
  a: number;
  b: number;
  score: number;
}

export interface PairOptions {
  threshold: number;
  /** Up to this many findings, every pair is scored. */
  exactLimit?: number;
  /** Blocking: how many of a finding's strongest terms it is compared on … */
  blockTerms?: number;
  /** … and how many findings one term's list keeps (those with the highest weight for it). */
  blockCap?: number;
}

export class TextSimilarity {
  private readonly vectors = new Map<string, SparseVector>();

  constructor(texts: Iterable<{ id: string; text: string }>) {
    const termNo = new Map<string, number>();
    const counted: { id: string; tf: Map<number, number> }[] = [];
    const df: number[] = [];
    for (const { id, text } of texts) {
      const tf = new Map<number, number>();
      for (const t of contentTerms(text)) {
        let n = termNo.get(t);
        if (n === undefined) termNo.set(t, (n = termNo.size));
        tf.set(n, (tf.get(n) ?? 0) + 1);
      }
      for (const n of tf.keys()) df[n] = (df[n] ?? 0) + 1;
      counted.push({ id, tf });
    }
    const total = counted.length;
    for (const { id, tf } of counted) {
      const terms = Int32Array.from([...tf.keys()].sort((a, b) => a - b));
      const weights = new Float64Array(terms.length);
      let norm = 0;
      terms.forEach((t, i) => {
        // sublinear tf; smoothed idf, so a small corpus does not drown shared words in rare ones
        const w = (1 + Math.log(tf.get(t)!)) * Math.log(1 + total / df[t]);
        weights[i] = w;
        norm += w * w;
      });
      norm = Math.sqrt(norm);
      if (norm > 0) for (let i = 0; i < weights.length; i++) weights[i] /= norm;
      this.vectors.set(id, { terms, weights });
    }
  }

  vector(id: string): SparseVector | undefined {
    return this.vectors.get(id);
  }

  cosine(a: string, b: string): number {
    const x = this.vectors.get(a);
    const y = this.vectors.get(b);
    return x && y ? dot(x, y) : 0;
  }

  /** Pairs of `ids` whose cosine reaches the threshold, sorted by (a, b). */
  pairs(ids: readonly string[], opts: PairOptions): Pair[] {
    const { threshold, exactLimit = 600, blockTerms = 6, blockCap = 40 } = opts;
    const vs = ids.map((id) => this.vectors.get(id) ?? { terms: new Int32Array(0), weights: new Float64Array(0) });
    const out: Pair[] = [];
    const consider = (a: number, b: number) => {
      const score = dot(vs[a], vs[b]);
      if (score >= threshold) out.push({ a, b, score });
    };
    if (ids.length <= exactLimit) {
      for (let a = 0; a < vs.length; a++) for (let b = a + 1; b < vs.length; b++) consider(a, b);
      return out;
    }
    // blocking: each finding is listed under its strongest terms; pairs come from shared lists
    const lists = new Map<number, { i: number; w: number }[]>();
    vs.forEach((v, i) => {
      const strongest = [...v.terms.keys()].sort((p, q) => v.weights[q] - v.weights[p] || v.terms[p] - v.terms[q]).slice(0, blockTerms);
      for (const k of strongest) {
        const t = v.terms[k];
        const list = lists.get(t);
        if (list) list.push({ i, w: v.weights[k] });
        else lists.set(t, [{ i, w: v.weights[k] }]);
      }
    });
    const seen = new Set<number>();
    const n = vs.length;
    for (const t of [...lists.keys()].sort((p, q) => p - q)) {
      const list = lists.get(t)!.sort((p, q) => q.w - p.w || p.i - q.i).slice(0, blockCap);
      for (let x = 0; x < list.length; x++)
        for (let y = x + 1; y < list.length; y++) {
          const a = Math.min(list[x].i, list[y].i);
          const b = Math.max(list[x].i, list[y].i);
          const key = a * n + b;
          if (seen.has(key)) continue;
          seen.add(key);
          consider(a, b);
        }
    }
    return out.sort((p, q) => p.a - q.a || p.b - q.b);
  }
}

function dot(x: SparseVector, y: SparseVector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < x.terms.length && j < y.terms.length) {
    const a = x.terms[i];
    const b = y.terms[j];
    if (a === b) s += x.weights[i++] * y.weights[j++];
    else if (a < b) i++;
    else j++;
  }
  return s;
}
