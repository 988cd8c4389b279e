// Shared parts of the charts: the Chart shape every chart returns (SVG, text summary, data table),
// escaping, fixed-precision numbers (so output is byte-stable), and fill patterns so that a
// finding type is told apart by pattern and label as well as by colour.
import type { FindingType } from '../types.ts';

export interface ChartTable {
  caption: string;
  /** column headers; the first is the row header column */
  head: string[];
  /** cells as shown (numbers, or text such as "12,5") */
  rows: { label: string; path?: string; cells: (number | string)[]; strong?: boolean }[];
}

export interface Chart {
  /** Unique within a page: prefixes the SVG's element ids. With a "_", so no content id can equal one. */
  id: string;
  title: string;
  /** What the chart shows, in words (screen readers; also shown under the chart). */
  summary: string;
  svg: string;
  table: ChartTable;
  /** What was aggregated or left out to keep the chart readable, if anything. */
  note: string | null;
}

export const esc = (s: string | number): string => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One decimal at most, no "-0", no trailing ".0": byte-stable coordinates. */
export const num = (x: number): string => {
  const r = Math.round(x * 10) / 10;
  return String(Object.is(r, -0) ? 0 : r);
};

/** Approximate width of a label in the chart font (system sans at `size` px), for layout. */
export const textWidth = (s: string, size: number): number => s.length * size * 0.56;

/** A label cut to fit `width` at `size` px, with "…". */
export function fit(s: string, width: number, size: number): string {
  if (textWidth(s, size) <= width) return s;
  const n = Math.max(1, Math.floor(width / (size * 0.56)) - 1);
  return `${s.slice(0, n).trimEnd()}…`;
}

export const TYPE_ORDER = ['knelpunt', 'succesfactor', 'les', 'rode-draad'] as const satisfies readonly FindingType[];
export const TYPE_PLURAL: Record<FindingType, string> = { knelpunt: 'knelpunten', succesfactor: 'succesfactoren', les: 'lessen', 'rode-draad': 'rode draden' };

/**
 * Pattern definitions per finding type, ids prefixed with the chart id: knelpunt solid,
 * succesfactor diagonal stripes, les dots, rode draad cross-hatch. Colours come from the
 * stylesheet (classes chart__fill--<type>); the pattern shapes carry the meaning in greyscale too.
 */
export function patternDefs(prefix: string): string {
  const p = (type: string, body: string, size = 6) =>
    `<pattern id="${prefix}-p-${type}" class="chart__pattern chart__pattern--${type}" patternUnits="userSpaceOnUse" width="${size}" height="${size}">${body}</pattern>`;
  return `<defs>${[
    p('knelpunt', '<rect width="6" height="6"/>'),
    p('succesfactor', '<rect class="chart__pattern-bg" width="6" height="6"/><path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2"/>'),
    p('les', '<rect class="chart__pattern-bg" width="6" height="6"/><circle cx="3" cy="3" r="1.6"/>'),
    p('rode-draad', '<rect class="chart__pattern-bg" width="6" height="6"/><path d="M0,0 l6,6 M6,0 l-6,6"/>'),
    p('provincie', '<rect width="6" height="6"/>'),
    p('landelijk', '<rect class="chart__pattern-bg" width="6" height="6"/><path d="M0,3 h6"/>'),
  ].join('')}</defs>`;
}

/** `fill` of a bar of a type: its pattern. */
export const fillOf = (prefix: string, type: string) => `url(#${prefix}-p-${type})`;

/**
 * The outer <svg>: one image named by its title and summary, without links or focus stops inside
 * (the table under it carries the data and the links).
 */
export function svgRoot(id: string, width: number, height: number, title: string, summary: string, body: string): string {
  return `<svg class="chart" id="${id}" viewBox="0 0 ${num(width)} ${num(height)}" width="${num(width)}" height="${num(height)}" role="img" aria-labelledby="${id}-t ${id}-d" font-size="12"><title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(summary)}</desc>${body}</svg>`;
}

/** A legend row of pattern swatches with names, from x at y. */
export function legend(prefix: string, items: { type: string; label: string }[], x: number, y: number): string {
  let at = x;
  return items
    .map(({ type, label }) => {
      const g = `<g class="chart__legend-item"><rect x="${num(at)}" y="${num(y - 9)}" width="12" height="12" fill="${fillOf(prefix, type)}" class="chart__bar chart__bar--${type}"/><text x="${num(at + 16)}" y="${num(y + 1)}">${esc(label)}</text></g>`;
      at += 16 + textWidth(label, 12) + 18;
      return g;
    })
    .join('');
}
