import { closest, distance } from 'fastest-levenshtein';
import { fold, slugify } from './text.ts';

/** Other names for a candidate (labels, synonyms), by their slug: "projectleider" → "procesbegeleiding". */
export type Aliases = ReadonlyMap<string, string>;

/** The aliases of a vocabulary: each term's label, synonyms and other forms, slugged, to its id. */
export function aliasesOf(terms: readonly { id: string; label?: string; synoniemen?: readonly string[]; vormen?: readonly string[] }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of terms) {
    for (const name of [t.label, ...(t.synoniemen ?? []), ...(t.vormen ?? [])]) {
      const key = name ? slugify(name) : '';
      if (key && !out.has(key)) out.set(key, t.id);
    }
  }
  return out;
}

/** "did you mean …" for a near-miss id or value; undefined when nothing is close. */
export function suggest(value: string, candidates: readonly string[], aliases?: Aliases): string | undefined {
  if (candidates.length === 0) return undefined;
  const folded = fold(value);
  const byFold = new Map(candidates.map((c) => [fold(c), c]));
  const exact = byFold.get(folded) ?? byFold.get(slugify(value));
  if (exact) return exact;
  const alias = aliases?.get(slugify(value));
  if (alias && candidates.includes(alias)) return alias;
  // a candidate that contains the value or is contained in it ("lob" → "lob", "overstap" → "overstap-en-overdracht")
  const partial = candidates.filter((c) => fold(c).includes(folded) || folded.includes(fold(c)));
  if (partial.length === 1 && folded.length >= 3) return partial[0];
  // the nearest id, label or synonym: a typo in any of them
  const names = new Map(byFold);
  for (const [key, id] of aliases ?? []) if (!names.has(key) && candidates.includes(id)) names.set(key, id);
  const best = closest(folded, [...names.keys()]);
  const limit = Math.max(2, Math.floor(folded.length / 3));
  return distance(folded, best) <= limit ? names.get(best) : undefined;
}

export function didYouMean(value: string, candidates: readonly string[], aliases?: Aliases): string {
  const s = suggest(value, candidates, aliases);
  return s ? `— bedoel je "${s}"?` : '';
}
