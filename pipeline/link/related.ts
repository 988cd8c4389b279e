// Related cases: ranked by shared themes, each weighted by how rare the theme is (idf).
import type { CaseEntry, ThemeId } from '../types.ts';
import { ThemeSetIndex } from './overlap.ts';

export interface RelatedCase {
  id: string;
  score: number;
  sharedThemes: ThemeId[];
}

export function caseThemes(c: CaseEntry): Set<ThemeId> {
  const s = new Set<ThemeId>();
  for (const f of c.findings) for (const t of f.themes) s.add(t);
  return s;
}

/** idf per theme: ln(1 + N / df), so a theme every case shares still counts a little. */
export function themeWeights(cases: readonly CaseEntry[]): Map<ThemeId, number> {
  const df = new Map<ThemeId, number>();
  for (const c of cases) for (const t of caseThemes(c)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = cases.length;
  return new Map([...df].map(([t, d]) => [t, Math.log(1 + n / d)]));
}

export function relatedCases(cases: readonly CaseEntry[], limit = 5): Map<string, RelatedCase[]> {
  const weights = themeWeights(cases);
  // shared themes listed (and summed) rarest first, ties by id
  const order = [...weights.keys()].sort((x, y) => weights.get(y)! - weights.get(x)! || x.localeCompare(y));
  const index = new ThemeSetIndex(order, { weight: (t) => weights.get(t)!, finish: (sum) => Math.round(sum * 1000) / 1000 });
  const themesOf = new Map(cases.map((c) => [c.id as string, caseThemes(c)]));
  for (const [id, themes] of themesOf) index.add(id, themes);
  const out = new Map<string, RelatedCase[]>();
  for (const [id, themes] of themesOf)
    out.set(
      id,
      index.top(themes, limit, (other) => other === id).map((o) => ({ id: o.id, score: o.score, sharedThemes: o.shared })),
    );
  return out;
}
