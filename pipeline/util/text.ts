// Small text helpers shared by the stages.

/** Fold diacritics and case: "Geïntegreerde" → "geintegreerde". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * URL-safe slug: folded, apostrophes dropped, every other run of non-alphanumerics one dash.
 * "'s-Hertogenbosch" → "s-hertogenbosch", "Noord-West Veluwe" → "noord-west-veluwe".
 */
export function slugify(s: string): string {
  return fold(s)
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Collapse runs of white space and trim. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Deterministic, locale-aware comparison for Dutch labels. */
export const compareNl = (a: string, b: string): number => a.localeCompare(b, 'nl', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);

/** Line/column lookup for offsets in a text. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  point(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
}
