import { closest, distance } from 'fastest-levenshtein';
import { fold } from './text.ts';

/** "did you mean …" for a near-miss id or value; undefined when nothing is close. */
export function suggest(value: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const folded = fold(value);
  const byFold = new Map(candidates.map((c) => [fold(c), c]));
  const exact = byFold.get(folded);
  if (exact) return exact;
  // a candidate that contains the value or is contained in it ("lob" → "lob", "overstap" → "overstap-en-overdracht")
  const partial = candidates.filter((c) => fold(c).includes(folded) || folded.includes(fold(c)));
  if (partial.length === 1 && folded.length >= 3) return partial[0];
  const best = closest(folded, [...byFold.keys()]);
  const limit = Math.max(2, Math.floor(folded.length / 3));
  return distance(folded, best) <= limit ? byFold.get(best) : undefined;
}

export function didYouMean(value: string, candidates: readonly string[]): string {
  const s = suggest(value, candidates);
  return s ? `bedoel je "${s}"?` : '';
}
