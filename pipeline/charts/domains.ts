// Findings per domain and theme: one stacked bar per theme (knelpunten, succesfactoren, lessen,
// rode draden, each with its own pattern), themes under their domain's heading row, the total at
// the end of each bar. `topPerDomain` keeps the home page short: the largest themes of each
// domain, the others summed in one row per domain.
import { sum } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { stack } from 'd3-shape';
import type { FindingType } from '../types.ts';
import { esc, fillOf, fit, legend, num, patternDefs, svgRoot, TYPE_ORDER, TYPE_PLURAL, type Chart } from './svg.ts';

export interface DomainInput {
  label: string;
  path?: string;
  themes: { label: string; path?: string; counts: Record<FindingType, number> }[];
}

interface Row {
  label: string;
  path?: string;
  heading: boolean;
  counts: Record<FindingType, number>;
}

const W = 640;
const LABEL = 250;
const ROW = 20;

export function domainChart(domains: readonly DomainInput[], opts: { id: string; topPerDomain?: number }): Chart {
  const rows: Row[] = [];
  let folded = 0;
  const add = (a: Record<FindingType, number>, b: Record<FindingType, number>) => Object.fromEntries(TYPE_ORDER.map((t) => [t, a[t] + b[t]])) as Record<FindingType, number>;
  const zero = () => Object.fromEntries(TYPE_ORDER.map((t) => [t, 0])) as Record<FindingType, number>;
  const total = (c: Record<FindingType, number>) => sum(TYPE_ORDER, (t) => c[t]);
  for (const d of domains) {
    const themes = [...d.themes].sort((a, b) => total(b.counts) - total(a.counts) || a.label.localeCompare(b.label, 'nl'));
    rows.push({ label: d.label, path: d.path, heading: true, counts: themes.reduce((acc, t) => add(acc, t.counts), zero()) });
    const keep = opts.topPerDomain ? themes.slice(0, opts.topPerDomain) : themes;
    for (const t of keep) rows.push({ label: t.label, path: t.path, heading: false, counts: t.counts });
    folded += themes.length - keep.length;
  }
  const note = folded
    ? `Per domein de ${opts.topPerDomain} thema's met de meeste bevindingen (${folded} andere thema's zijn niet getekend, maar tellen mee in het domeintotaal). Een bevinding over meer thema's telt bij elk thema mee.`
    : "Een bevinding over meer thema's telt bij elk thema mee.";

  const title = "Bevindingen per domein en thema";
  const summary =
    domains
      .map((d, i) => {
        const r = rows.find((x) => x.heading && x.label === d.label)!;
        return `${d.label}: ${total(r.counts)} bevindingen in ${d.themes.length} thema's${i === 0 ? ` (${TYPE_ORDER.map((t) => `${r.counts[t]} ${TYPE_PLURAL[t]}`).join(', ')})` : ''}`;
      })
      .join('; ') +
    '. ' +
    `Grootste thema's: ${rows
      .filter((r) => !r.heading)
      .sort((a, b) => total(b.counts) - total(a.counts))
      .slice(0, 3)
      .map((r) => `${r.label} (${total(r.counts)})`)
      .join(', ')}.`;

  const id = opts.id;
  const top = 30;
  const height = top + rows.length * ROW + 8;
  const y = scaleBand<number>().domain(rows.map((_, i) => i)).range([top, top + rows.length * ROW]).paddingInner(0.2);
  const themeMax = Math.max(1, ...rows.filter((r) => !r.heading).map((r) => total(r.counts)));
  const x = scaleLinear().domain([0, themeMax]).range([0, W - LABEL - 40]);
  const series = stack<Row, FindingType>().keys(TYPE_ORDER).value((r, k) => (r.heading ? 0 : r.counts[k]))(rows);

  const body = rows
    .map((r, i) => {
      const yy = y(i)!;
      const cy = yy + y.bandwidth() / 2 + 4;
      const label = fit(r.label, LABEL - 12, 12);
      const name = `<text x="${r.heading ? 0 : 12}" y="${num(cy)}" class="${r.heading ? 'chart__head' : 'chart__label'}">${esc(label)}</text>`;
      const data = TYPE_ORDER.map((t) => ` data-${t}="${r.counts[t]}"`).join('');
      if (r.heading) return `<g class="chart__row chart__row--domain" data-label="${esc(r.label)}"${data}>${name}<text x="${num(LABEL)}" y="${num(cy)}" class="chart__value">${total(r.counts)} in totaal</text></g>`;
      const segs = series
        .map((s) => {
          const [a, b] = s[i];
          if (b - a <= 0) return '';
          return `<rect class="chart__bar chart__bar--${s.key}" x="${num(LABEL + x(a))}" y="${num(yy)}" width="${num(x(b) - x(a))}" height="${num(y.bandwidth())}" fill="${fillOf(id, s.key)}"/>`;
        })
        .join('');
      return `<g class="chart__row" data-label="${esc(r.label)}"${data}>${name}${segs}<text class="chart__value" x="${num(LABEL + x(total(r.counts)) + 4)}" y="${num(cy)}">${total(r.counts)}</text></g>`;
    })
    .join('');
  const key = legend(id, TYPE_ORDER.map((t) => ({ type: t, label: TYPE_PLURAL[t] })), 0, 14);
  return {
    id,
    title,
    summary,
    note,
    svg: svgRoot(id, W, height, title, summary, patternDefs(id) + key + body),
    table: {
      caption: 'Bevindingen per domein en thema, naar soort',
      head: ['Domein / thema', 'Knelpunten', 'Succesfactoren', 'Lessen', 'Rode draden', 'Totaal'],
      rows: rows.map((r) => ({ label: r.label, path: r.path, strong: r.heading, cells: [...TYPE_ORDER.map((t) => r.counts[t]), total(r.counts)] })),
    },
  };
}
