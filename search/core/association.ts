// Which themes a word goes with, learned from the corpus itself: the findings that hold the word
// are tagged with some themes far more often than findings in general ("steun" with Draagvlak,
// "kennen" with Relatie en vertrouwen, "bedrijven" with Beroepspraktijk). So a question in
// everyday words reaches a theme without a hand-written synonym, as far as the corpus uses those
// words about that theme.
//
// Computed when a query needs it, from what the engine has loaded anyway: the word's text postings
// (its shard) and the facet table (each unit's themes). No bytes are shipped for it, and it follows
// the corpus as it grows.

/** How a word's association with the themes is estimated; `npm run eval:search` measures changes. */
export const ASSOCIATION = {
  /** fewer findings than this holding a word: too few to tell */
  minFindings: 3,
  /**
   * pseudo-count of the prior: a word's theme share is (findings with the theme + prior × the
   * theme's share of all findings) / (findings + prior), so a rare word needs consistent evidence
   */
  prior: 8,
  /** a word ties fully to a theme when this share of its findings (smoothed) carries the theme */
  full: 0.5,
};
export type Association = typeof ASSOCIATION;

/** What the estimate reads of the facet table: per unit its themes, and which units are pages. */
export interface ThemeColumns {
  units: number;
  isPage(unit: number): boolean;
  /** theme indices of unit u: themes[themesOff[u] .. themesOff[u + 1]) */
  cols: { themes: ArrayLike<number>; themesOff: ArrayLike<number> };
}

const baseCache = new WeakMap<ThemeColumns, { findings: number; counts: Float64Array }>();

/** Findings in the index and the findings tagged with each theme (cases and notes left out). */
export function findingThemeCounts(table: ThemeColumns, themes: number): { findings: number; counts: Float64Array } {
  let base = baseCache.get(table);
  const { cols } = table;
  if (!base || base.counts.length !== themes) {
    const counts = new Float64Array(themes);
    let findings = 0;
    for (let u = 0; u < table.units; u++) {
      if (table.isPage(u)) continue;
      findings++;
      for (let j = cols.themesOff[u]; j < cols.themesOff[u + 1]; j++) counts[cols.themes[j]]++;
    }
    base = { findings, counts };
    baseCache.set(table, base);
  }
  return base;
}

/** How a word goes with each theme (index: theme). */
export interface WordThemes {
  /** 0 (its findings carry the theme no more often than findings in general) to 1 (see `full`) */
  strength: Float64Array;
  /** how many times as often its findings carry the theme as findings in general (unsmoothed) */
  lift: Float64Array;
}

/**
 * How strongly a word goes with each theme. `strength` is linear in the smoothed share of its
 * findings that carry the theme, from the theme's share of all findings (0) to `full` (1): a
 * common word ("leerling") whose findings carry a theme a bit more often than most, or a word seen
 * once beside a rare theme, ties weakly. `units`: the units holding the word (any order, repeats
 * allowed). Null when fewer than `minFindings` findings hold it.
 */
export function themeAssociation(units: readonly ArrayLike<number>[], table: ThemeColumns, themes: number, opts: Association = ASSOCIATION): WordThemes | null {
  const { cols } = table;
  // a unit in several of the word's lists (its stem and a linker variant) counts once
  const seen = units.length > 1 ? new Uint8Array(table.units) : null;
  const withTheme = new Float64Array(themes);
  let n = 0;
  for (const list of units)
    for (let k = 0; k < list.length; k++) {
      const u = list[k];
      if (table.isPage(u)) continue;
      if (seen) {
        if (seen[u]) continue;
        seen[u] = 1;
      }
      n++;
      for (let j = cols.themesOff[u]; j < cols.themesOff[u + 1]; j++) withTheme[cols.themes[j]]++;
    }
  if (n < opts.minFindings) return null;
  const base = findingThemeCounts(table, themes);
  const strength = new Float64Array(themes);
  const lift = new Float64Array(themes);
  withTheme.forEach((x, t) => {
    const p = base.counts[t] / base.findings;
    if (!p) return;
    lift[t] = x / n / p;
    if (p < opts.full) strength[t] = Math.max(0, Math.min(1, ((x + opts.prior * p) / (n + opts.prior) - p) / (opts.full - p)));
  });
  return { strength, lift };
}
