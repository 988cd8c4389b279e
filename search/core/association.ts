// Which themes a word goes with, learned from the corpus itself: the findings that hold the word
// are tagged with some themes far more often than findings in general ("steun" with Draagvlak,
// "kennen" with Relatie en vertrouwen, "bedrijven" with Beroepspraktijk). So a question in
// everyday words reaches a theme without a hand-written synonym, as far as the corpus uses those
// words about that theme.
//
// The counts it needs are written at build time into each term's shard entry (per theme, how many
// of the findings holding the term carry it: `countThemes`), and the findings per theme into
// meta.json, so a query reads them with the term's postings and nothing per unit is fetched: the
// themes of every unit (themes.bin) are 250 KB at 10 000 cases. It follows the corpus as it grows.

/** How a word's association with the themes is estimated; `npm run eval:search` measures changes. */
export const ASSOCIATION = {
  /** fewer findings than this holding a word: too few to tell (the build stores no counts then) */
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

/** Findings and, per theme index, how many of them carry the theme. */
export interface ThemeCounts {
  findings: number;
  counts: Float64Array;
}

/**
 * Count the findings among `units` (no repeats; cases and notes left out) per theme. `themesOf(u)`
 * gives unit u's theme indices.
 */
export function countThemes(units: ArrayLike<number>, isPage: (u: number) => boolean, themesOf: (u: number) => readonly number[], themes: number): ThemeCounts {
  const counts = new Float64Array(themes);
  let findings = 0;
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (isPage(u)) continue;
    findings++;
    for (const t of themesOf(u)) counts[t]++;
  }
  return { findings, counts };
}

/** Sum of several counts (a word's forms: its stem and the linker variants the index holds). */
export function addCounts(parts: readonly ThemeCounts[], themes: number): ThemeCounts {
  const counts = new Float64Array(themes);
  let findings = 0;
  for (const p of parts) {
    findings += p.findings;
    p.counts.forEach((x, t) => (counts[t] += x));
  }
  return { findings, counts };
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
 * once beside a rare theme, ties weakly. `word`: the findings holding the word per theme; `base`:
 * all findings per theme. Null when fewer than `minFindings` findings hold it.
 */
export function themeAssociation(word: ThemeCounts, base: ThemeCounts, opts: Association = ASSOCIATION): WordThemes | null {
  const n = word.findings;
  if (n < opts.minFindings) return null;
  const themes = base.counts.length;
  const strength = new Float64Array(themes);
  const lift = new Float64Array(themes);
  for (let t = 0; t < themes; t++) {
    const x = word.counts[t] ?? 0;
    const p = base.counts[t] / base.findings;
    if (!p) continue;
    lift[t] = x / n / p;
    if (p < opts.full) strength[t] = Math.max(0, Math.min(1, ((x + opts.prior * p) / (n + opts.prior) - p) / (opts.full - p)));
  }
  return { strength, lift };
}
