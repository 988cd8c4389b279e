// The province brief: the knelpunten and succesfactoren of a province's cases, by theme, from the
// same building blocks as the themabrief — grouped findings with numbered source notes, the cases
// to call, and the province's theme profile next to the national one.
import type { ProvinceView, ThemeView } from '../link/index.ts';
import type { EvidenceProfile } from '../link/index.ts';
import { profileChart } from '../charts/profile.ts';
import type { Chart } from '../charts/svg.ts';
import { contacts, countByCase, LIMITS, Notes, section, type BriefNote, type BriefSection, type Contact } from './parts.ts';
import { profileOf, type BriefContext } from './theme.ts';

export interface ProvinceTheme {
  id: string;
  label: string;
  path: string;
  briefPath: string;
  findings: number;
  cases: number;
  blokkeert: BriefSection;
  hielp: BriefSection;
}

export interface ProvinceBrief {
  id: string;
  label: string;
  path: string;
  briefPath: string;
  /** absolute address of the brief, for "citeer als" */
  briefUrl: string;
  profile: EvidenceProfile;
  themes: ProvinceTheme[];
  /** themes with findings in this province that are not shown */
  moreThemes: number;
  contacts: { shown: Contact[]; more: number };
  notes: BriefNote[];
  chart: Chart;
}

export function provinceBrief(p: ProvinceView, ctx: BriefContext): ProvinceBrief {
  const notes = new Notes(ctx.siteUrl);
  const caseIds = new Set(p.caseIds);
  const findings = ctx.graph.findings.filter((f) => f.owner.collection === 'cases' && caseIds.has(f.owner.id) && f.type !== 'rode-draad');
  const caseFindings = ctx.graph.findings.filter((f) => f.owner.collection === 'cases' && f.type !== 'rode-draad');

  const byTheme = new Map<string, string[]>();
  for (const f of findings)
    for (const t of f.themes) {
      const list = byTheme.get(t);
      if (list) list.push(f.id);
      else byTheme.set(t, [f.id]);
    }
  const national = new Map<string, number>();
  for (const f of caseFindings) for (const t of f.themes) national.set(t, (national.get(t) ?? 0) + 1);
  const themeById = new Map<string, ThemeView>(ctx.graph.themes.map((t) => [t.id, t]));
  const ranked = [...byTheme].sort((a, b) => b[1].length - a[1].length || themeById.get(a[0])!.label.localeCompare(themeById.get(b[0])!.label, 'nl'));

  const limits = LIMITS.province;
  const themes = ranked.slice(0, limits.themes).map(([id, ids]): ProvinceTheme => {
    const t = themeById.get(id)!;
    // the theme's similarity graph, computed once for all provinces
    const { groups, ungrouped } = ctx.grouper.grouping(ids, { key: id, findingIds: t.findingIds });
    const sectionCtx = { findingById: ctx.findingById, notes, anchorPrefix: `${id}-`, similar: limits.similar, contrasts: limits.contrasts };
    return {
      id,
      label: t.label,
      path: t.url,
      briefPath: `${t.url}brief/`,
      findings: ids.length,
      cases: new Set(ids.map((fid) => ctx.findingById.get(fid)!.owner.id)).size,
      blokkeert: section(groups, 'blokkeert', limits.groups, { ...sectionCtx, ungrouped: ungrouped.blokkeert }),
      hielp: section(groups, 'hielp', limits.groups, { ...sectionCtx, ungrouped: ungrouped.hielp }),
    };
  });

  // shares of findings: a finding on two themes counts for both, so shares add up to more than 100%
  const chart = profileChart(
    ranked.map(([id, ids]) => ({ label: themeById.get(id)!.label, path: themeById.get(id)!.url, local: ids.length, national: national.get(id) ?? 0 })),
    {
      id: `grafiek_profiel_${p.id}`,
      subject: p.label,
      localTotal: findings.length,
      nationalTotal: caseFindings.length,
    },
  );

  return {
    id: p.id,
    label: p.label,
    path: p.url,
    briefPath: `${p.url}brief/`,
    briefUrl: `${ctx.siteUrl.replace(/\/+$/, '')}${p.url}brief/`,
    profile: profileOf(findings, ctx.caseById),
    themes,
    moreThemes: ranked.length - themes.length,
    contacts: contacts(countByCase(findings), ctx.caseById),
    notes: notes.list,
    chart,
  };
}
