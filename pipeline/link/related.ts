// Related cases: ranked by shared themes, each weighted by how rare the theme is (idf).
import type { CaseEntry, ThemeId } from '../types.ts';

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
  const themesOf = new Map(cases.map((c) => [c.id as string, caseThemes(c)]));
  const out = new Map<string, RelatedCase[]>();
  for (const a of cases) {
    const ta = themesOf.get(a.id)!;
    const ranked: RelatedCase[] = [];
    for (const b of cases) {
      if (a.id === b.id) continue;
      const shared = [...themesOf.get(b.id)!].filter((t) => ta.has(t));
      if (!shared.length) continue;
      shared.sort((x, y) => weights.get(y)! - weights.get(x)! || x.localeCompare(y));
      const score = Math.round(shared.reduce((s, t) => s + weights.get(t)!, 0) * 1000) / 1000;
      ranked.push({ id: b.id, score, sharedThemes: shared });
    }
    ranked.sort((x, y) => y.score - x.score || x.id.localeCompare(y.id));
    out.set(a.id, ranked.slice(0, limit));
  }
  return out;
}
