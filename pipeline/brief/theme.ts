// The themabrief: what a beleidsmaker needs on one theme in two printed pages, built from the data
// only — definition and evidence profile, what blocks, what helped (with contrasts), the rode
// draden, the cases to call, and a numbered source note for every statement.
import type { CaseView, FindingView, Graph, ThemeView, Thread } from '../link/index.ts';
import { evidenceLabel, type EvidenceProfile } from '../link/index.ts';
import { balanceChart } from '../charts/balance.ts';
import type { Chart } from '../charts/svg.ts';
import type { Grouper } from './groups.ts';
import { contacts, countByCase, excerpt, LIMITS, Notes, section, type BriefNote, type BriefSection, type Contact } from './parts.ts';

export interface BriefThread {
  id: string;
  title: string;
  path: string;
  kind: Thread['kind'];
  label: EvidenceProfile['label'];
  cases: number;
  provinces: number;
  note: number;
}

export interface ThemeBrief {
  id: string;
  label: string;
  definition: string;
  domain: string;
  path: string;
  briefPath: string;
  /** absolute address of the brief, for "citeer als" */
  briefUrl: string;
  profile: EvidenceProfile;
  blokkeert: BriefSection;
  hielp: BriefSection;
  threads: { shown: BriefThread[]; more: number };
  contacts: { shown: Contact[]; more: number };
  notes: BriefNote[];
  chart: Chart;
}

export interface BriefContext {
  graph: Graph;
  grouper: Grouper;
  siteUrl: string;
  findingById: ReadonlyMap<string, FindingView>;
  caseById: ReadonlyMap<string, CaseView>;
  threadById: ReadonlyMap<string, Thread>;
}

/** Cases, provinces, sectors and documents behind a set of findings, with the evidence label. */
export function profileOf(findings: readonly FindingView[], caseById: ReadonlyMap<string, CaseView>): EvidenceProfile {
  const cases = new Set<string>();
  const provinces = new Set<string>();
  const sectors = new Set<string>();
  const documents = new Set<string>();
  for (const f of findings) {
    documents.add(f.source.document);
    const c = f.owner.collection === 'cases' ? caseById.get(f.owner.id) : undefined;
    if (!c) continue;
    cases.add(c.id);
    provinces.add(c.meta.provincie);
    for (const s of c.meta.sectoren) sectors.add(s);
  }
  const counts = { cases: cases.size, provinces: provinces.size, sectors: sectors.size, documents: documents.size, findings: findings.length };
  return { ...counts, label: evidenceLabel(counts) };
}

/** Rode draden on a theme, strongest first (authored before computed, then by cases). */
export function threadsOf(ids: readonly string[], ctx: Pick<BriefContext, 'threadById' | 'findingById'>, notes: Notes, limit: number = LIMITS.threads): ThemeBrief['threads'] {
  const all = ids
    .map((id) => ctx.threadById.get(id)!)
    .filter(Boolean)
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'authored' ? -1 : 1) || b.profile.cases - a.profile.cases || (a.id < b.id ? -1 : 1));
  const shown = all.slice(0, limit).map((th): BriefThread => {
    const path = `/rode-draden/${th.id}/`;
    const source = th.findingId ? ctx.findingById.get(th.findingId) : undefined;
    return {
      id: th.id,
      title: excerpt(th.title, LIMITS.threadTitle).text,
      path,
      kind: th.kind,
      label: th.profile.label,
      cases: th.profile.cases,
      provinces: th.profile.provinces,
      note: source ? notes.finding(source) : notes.page(th.id, 'Kennisbank doorlopende leerroutes, berekende rode draad', path),
    };
  });
  return { shown, more: all.length - shown.length };
}

export function themeBrief(theme: ThemeView, ctx: BriefContext): ThemeBrief {
  const notes = new Notes(ctx.siteUrl);
  const findings = theme.findingIds.map((id) => ctx.findingById.get(id)!);
  const { groups, ungrouped } = ctx.grouper.grouping(theme.findingIds, { key: theme.id, findingIds: theme.findingIds });
  const sectionCtx = { findingById: ctx.findingById, notes, anchorPrefix: '' };
  const blokkeert = section(groups, 'blokkeert', LIMITS.groups.blokkeert, { ...sectionCtx, ungrouped: ungrouped.blokkeert });
  const hielp = section(groups, 'hielp', LIMITS.groups.hielp, { ...sectionCtx, ungrouped: ungrouped.hielp });
  const threads = threadsOf(theme.threadIds, ctx, notes);

  const perCase = new Map<string, { k: number; s: number }>();
  for (const f of findings) {
    if (f.owner.collection !== 'cases' || (f.type !== 'knelpunt' && f.type !== 'succesfactor')) continue;
    const c = perCase.get(f.owner.id) ?? { k: 0, s: 0 };
    if (f.type === 'knelpunt') c.k++;
    else c.s++;
    perCase.set(f.owner.id, c);
  }
  const chart = balanceChart(
    [...perCase].map(([id, c]) => {
      const cv = ctx.caseById.get(id)!;
      return { label: cv.title, path: cv.url, group: { label: cv.provinceLabel, path: `/provincies/${cv.meta.provincie}/` }, knelpunt: c.k, succesfactor: c.s };
    }),
    { id: `grafiek_balans_${theme.id}`, unit: ['case', 'cases'], subject: theme.label },
  );

  return {
    id: theme.id,
    label: theme.label,
    definition: theme.definitie,
    domain: theme.domainLabel,
    path: theme.url,
    briefPath: `${theme.url}brief/`,
    briefUrl: `${ctx.siteUrl.replace(/\/+$/, '')}${theme.url}brief/`,
    profile: profileOf(findings, ctx.caseById),
    blokkeert,
    hielp,
    threads,
    contacts: contacts(countByCase(findings.filter((f) => f.type !== 'rode-draad')), ctx.caseById),
    notes: notes.list,
    chart,
  };
}
