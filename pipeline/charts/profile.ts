// The theme profile of a province's cases next to the national profile: per theme, the share of
// the province's findings on that theme (solid bar) and the share of all cases' findings (striped
// bar), each labelled with its percentage. The themes where the province has the most findings
// are drawn; the number of other themes is said under the chart.
import { scaleBand, scaleLinear } from 'd3-scale';
import { esc, fillOf, fit, legend, num, patternDefs, svgRoot, type Chart } from './svg.ts';

export interface ProfileRow {
  label: string;
  path?: string;
  /** findings on this theme in the province's cases, and in all cases */
  local: number;
  national: number;
}

export interface ProfileOptions {
  id: string;
  /** "Noord-Holland" */
  subject: string;
  /** total findings in the province's cases and in all cases (the denominators) */
  localTotal: number;
  nationalTotal: number;
  maxRows?: number;
}

const W = 560;
const LABEL = 230;
const ROW = 30;

/** Percentage with at most one decimal, Dutch notation. */
export const pct = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);
const pctText = (p: number) => `${String(p).replace('.', ',')}%`;

export function profileChart(input: readonly ProfileRow[], opts: ProfileOptions): Chart {
  const maxRows = opts.maxRows ?? 10;
  const all = input
    .filter((r) => r.local > 0)
    .map((r) => ({ ...r, localPct: pct(r.local, opts.localTotal), nationalPct: pct(r.national, opts.nationalTotal) }))
    .sort((a, b) => b.local - a.local || b.national - a.national || a.label.localeCompare(b.label, 'nl'));
  const rows = all.slice(0, maxRows);
  const rest = all.length - rows.length;
  const note = rest > 0 ? `Getekend: de ${rows.length} thema's met de meeste bevindingen in ${opts.subject}. De tabel noemt alle ${all.length} thema's die er voorkomen.` : null;
  const title = `Themaprofiel van ${opts.subject} naast het landelijke profiel`;
  const summary = rows.length
    ? `Per thema het deel van de ${opts.localTotal} bevindingen in ${opts.subject} dat erover gaat, naast dat deel van alle ${opts.nationalTotal} bevindingen in cases (een bevinding kan over meer thema's gaan). ` +
      rows.map((r) => `${r.label}: ${pctText(r.localPct)} tegen ${pctText(r.nationalPct)} landelijk`).join('; ') +
      '.'
    : `Er zijn (nog) geen bevindingen in cases in ${opts.subject}.`;

  const id = opts.id;
  const top = 30;
  const height = top + Math.max(1, rows.length) * ROW + 6;
  const y = scaleBand<number>().domain(rows.map((_, i) => i)).range([top, top + rows.length * ROW]).paddingInner(0.2);
  const extent = Math.max(1, ...rows.map((r) => Math.max(r.localPct, r.nationalPct)));
  const x = scaleLinear().domain([0, extent]).range([0, W - LABEL - 50]);
  const body = rows
    .map((r, i) => {
      const yy = y(i)!;
      const h = y.bandwidth() / 2;
      const text = `<text x="${LABEL - 8}" y="${num(yy + h + 4)}" text-anchor="end" class="chart__label">${esc(fit(r.label, LABEL - 10, 12))}</text>`;
      const bar = (kind: 'provincie' | 'landelijk', p: number, at: number) =>
        `<rect class="chart__bar chart__bar--${kind}" x="${LABEL}" y="${num(at)}" width="${num(x(p))}" height="${num(h - 1)}" fill="${fillOf(id, kind)}"/>` +
        `<text class="chart__value" x="${num(LABEL + x(p) + 4)}" y="${num(at + h - 3)}" font-size="11">${pctText(p)}${kind === 'landelijk' ? ' landelijk' : ''}</text>`;
      return `<g class="chart__row" data-label="${esc(r.label)}" data-local="${r.localPct}" data-national="${r.nationalPct}">${text}${bar('provincie', r.localPct, yy)}${bar('landelijk', r.nationalPct, yy + h)}</g>`;
    })
    .join('');
  const key = legend(id, [
    { type: 'provincie', label: `${opts.subject} (effen)` },
    { type: 'landelijk', label: 'alle cases (gestreept)' },
  ], 0, 14);
  return {
    id,
    title,
    summary,
    note,
    svg: svgRoot(id, W, height, title, summary, patternDefs(id) + key + body),
    table: {
      caption: `Deel van de bevindingen per thema (%), ${opts.subject} en alle cases`,
      head: ['Thema', `${opts.subject} (%)`, 'Alle cases (%)'],
      rows: all.map((r) => ({ label: r.label, path: r.path, cells: [r.localPct, r.nationalPct].map((p) => String(p).replace('.', ',')) })),
    },
  };
}
