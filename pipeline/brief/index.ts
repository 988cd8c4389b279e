// The brief stage: for every theme a themabrief, for every province with cases a province brief,
// and the charts of the home and method pages — all built after `link`, from the graph only.
import type { Graph } from '../link/index.ts';
import { domainChart } from '../charts/domains.ts';
import type { Chart } from '../charts/svg.ts';
import { DEFAULT_GROUPING, Grouper, MAX_GROUPED, type GroupingOptions } from './groups.ts';
import { provinceBrief, type ProvinceBrief } from './province.ts';
import type { SourceDate } from './source-date.ts';
import { themeBrief, type BriefContext, type ThemeBrief } from './theme.ts';

export { sourceDate, type SourceDate } from './source-date.ts';
export type { ThemeBrief } from './theme.ts';
export type { ProvinceBrief } from './province.ts';

export interface Briefs {
  sourceDate: SourceDate;
  themes: Record<string, ThemeBrief>;
  provinces: Record<string, ProvinceBrief>;
  charts: { home: Chart; method: Chart };
  /** findings a brief groups at most (the method page says how it chooses them) */
  maxGrouped: number;
}

export interface BriefOptions {
  siteUrl: string;
  sourceDate: SourceDate;
  grouping?: GroupingOptions;
}

export function buildBriefs(graph: Graph, opts: BriefOptions): Briefs {
  const grouping = opts.grouping ?? DEFAULT_GROUPING;
  const ctx: BriefContext = {
    graph,
    grouper: new Grouper(graph, grouping),
    siteUrl: opts.siteUrl,
    findingById: new Map(graph.findings.map((f) => [f.id, f])),
    caseById: new Map(graph.cases.map((c) => [c.id, c])),
    threadById: new Map(graph.threads.map((t) => [t.id, t])),
  };
  const domains = graph.domains.map((d) => ({
    label: d.label,
    path: `/themas/#domein-${d.id}`,
    themes: d.themeIds.map((id) => graph.themes.find((t) => t.id === id)!).map((t) => ({ label: t.label, path: t.url, counts: t.counts })),
  }));
  return {
    sourceDate: opts.sourceDate,
    themes: Object.fromEntries(graph.themes.map((t) => [t.id, themeBrief(t, ctx)])),
    provinces: Object.fromEntries(graph.provinces.filter((p) => p.caseIds.length).map((p) => [p.id, provinceBrief(p, ctx)])),
    charts: {
      home: domainChart(domains, { id: 'grafiek_domeinen_home', topPerDomain: 3 }),
      method: domainChart(domains, { id: 'grafiek_domeinen' }),
    },
    maxGrouped: grouping.maxGrouped ?? MAX_GROUPED,
  };
}
