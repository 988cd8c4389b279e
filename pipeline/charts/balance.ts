// Knelpunten against succesfactoren per case (or per province): a diverging bar chart with the
// knelpunten to the left of the axis and the succesfactoren to the right, each bar with its value.
// With more rows than fit (many cases on one theme), rows are summed per province; with more
// provinces than fit, the strongest rows are drawn and the rest summed into one row.
import { max, sum } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { esc, fillOf, fit, legend, num, patternDefs, svgRoot, textWidth, type Chart } from './svg.ts';

export interface BalanceRow {
  label: string;
  path?: string;
  /** what the row stands for when rows are summed, e.g. the province of a case */
  group?: { label: string; path?: string };
  knelpunt: number;
  succesfactor: number;
}

export interface BalanceOptions {
  id: string;
  /** what one row is, singular and plural: ["case", "cases"] */
  unit: [string, string];
  /** the subject, for the title: "Relatie en vertrouwen" */
  subject: string;
  maxRows?: number;
}

const W = 560;
const LABEL = 180;
const ROW = 22;

export function balanceChart(input: readonly BalanceRow[], opts: BalanceOptions): Chart {
  const maxRows = opts.maxRows ?? 12;
  let rows = input.filter((r) => r.knelpunt + r.succesfactor > 0);
  let note: string | null = null;
  let unit = opts.unit;
  if (rows.length > maxRows && rows.every((r) => r.group)) {
    // sum per group (province)
    const byGroup = new Map<string, BalanceRow>();
    for (const r of rows) {
      const g = byGroup.get(r.group!.label) ?? { label: r.group!.label, path: r.group!.path, knelpunt: 0, succesfactor: 0 };
      g.knelpunt += r.knelpunt;
      g.succesfactor += r.succesfactor;
      byGroup.set(g.label, g);
    }
    note = `${rows.length} ${opts.unit[1]} opgeteld per provincie.`;
    rows = [...byGroup.values()];
    unit = ['provincie', 'provincies'];
  }
  rows = [...rows].sort((a, b) => b.knelpunt + b.succesfactor - (a.knelpunt + a.succesfactor) || a.label.localeCompare(b.label, 'nl'));
  if (rows.length > maxRows) {
    const rest = rows.slice(maxRows - 1);
    rows = [...rows.slice(0, maxRows - 1), { label: `${rest.length} andere ${unit[1]}`, knelpunt: sum(rest, (r) => r.knelpunt), succesfactor: sum(rest, (r) => r.succesfactor) }];
    note = `${note ? `${note} ` : ''}De ${rest.length} ${unit[1]} met de minste bevindingen staan samen in één rij.`;
  }

  const totalK = sum(rows, (r) => r.knelpunt);
  const totalS = sum(rows, (r) => r.succesfactor);
  const title = `Knelpunten en succesfactoren per ${unit[0]}: ${opts.subject}`;
  const summary = rows.length
    ? `${totalK} knelpunten en ${totalS} succesfactoren in ${rows.length} ${rows.length === 1 ? unit[0] : unit[1]}. ` +
      rows.map((r) => `${r.label}: ${r.knelpunt} ${r.knelpunt === 1 ? 'knelpunt' : 'knelpunten'}, ${r.succesfactor} ${r.succesfactor === 1 ? 'succesfactor' : 'succesfactoren'}`).join('; ') +
      '.'
    : `Geen knelpunten of succesfactoren in ${unit[1]}.`;

  const top = 44;
  const height = top + Math.max(1, rows.length) * ROW + 10;
  const y = scaleBand<number>().domain(rows.map((_, i) => i)).range([top, top + rows.length * ROW]).paddingInner(0.25);
  const extent = Math.max(1, max(rows, (r) => Math.max(r.knelpunt, r.succesfactor)) ?? 1);
  const mid = LABEL + (W - LABEL) / 2;
  const half = (W - LABEL) / 2 - 28; // room for the value label
  const x = scaleLinear().domain([0, extent]).range([0, half]);
  const id = opts.id;

  const bars = rows
    .map((r, i) => {
      const yy = y(i)!;
      const h = y.bandwidth();
      const cy = yy + h / 2 + 4;
      const wk = x(r.knelpunt);
      const ws = x(r.succesfactor);
      const label = fit(r.label, LABEL - 8, 12);
      const name = `<text x="${LABEL - 8}" y="${num(cy)}" text-anchor="end" class="chart__label">${esc(label)}</text>`;
      return (
        `<g class="chart__row" data-label="${esc(r.label)}" data-knelpunt="${r.knelpunt}" data-succesfactor="${r.succesfactor}">${name}` +
        `<rect class="chart__bar chart__bar--knelpunt" x="${num(mid - wk)}" y="${num(yy)}" width="${num(wk)}" height="${num(h)}" fill="${fillOf(id, 'knelpunt')}"/>` +
        `<text class="chart__value" x="${num(mid - wk - 4)}" y="${num(cy)}" text-anchor="end">${r.knelpunt}</text>` +
        `<rect class="chart__bar chart__bar--succesfactor" x="${num(mid)}" y="${num(yy)}" width="${num(ws)}" height="${num(h)}" fill="${fillOf(id, 'succesfactor')}"/>` +
        `<text class="chart__value" x="${num(mid + ws + 4)}" y="${num(cy)}">${r.succesfactor}</text></g>`
      );
    })
    .join('');
  const heads =
    `<text x="${num(mid - 6)}" y="32" text-anchor="end" class="chart__head">← knelpunten</text>` +
    `<text x="${num(mid + 6)}" y="32" class="chart__head">succesfactoren →</text>` +
    `<line class="chart__axis" x1="${num(mid)}" x2="${num(mid)}" y1="${top - 6}" y2="${num(height - 6)}"/>`;
  const key = legend(id, [
    { type: 'knelpunt', label: 'knelpunt (links, effen)' },
    { type: 'succesfactor', label: 'succesfactor (rechts, gestreept)' },
  ], Math.max(0, W - textWidth('knelpunt (links, effen)succesfactor (rechts, gestreept)', 12) - 80), 12);
  const svg = svgRoot(id, W, height, title, summary, patternDefs(id) + key + heads + bars);

  return {
    id,
    title,
    summary,
    svg,
    note,
    table: {
      caption: `Aantallen per ${unit[0]}`,
      head: [unit[0][0].toUpperCase() + unit[0].slice(1), 'Knelpunten', 'Succesfactoren'],
      rows: rows.map((r) => ({ label: r.label, path: r.path, cells: [r.knelpunt, r.succesfactor] })),
    },
  };
}
