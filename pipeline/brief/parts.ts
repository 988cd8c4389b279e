// Building blocks shared by the theme brief and the province brief: numbered source notes,
// statements cut to a printable length, sections of grouped findings with "n more", and the
// cases to call. Everything is bounded by LIMITS, so a brief stays two A4 pages at any corpus size.
import type { CaseView, FindingView } from '../link/index.ts';
import { byStrength, type FindingGroup, type Side, type SideGroup } from './groups.ts';

export const LIMITS = {
  /** groups shown per side in a theme brief */
  groups: { blokkeert: 3, hielp: 4 },
  /** other findings named under a group */
  similar: 3,
  /** findings of the other side named under a group */
  contrasts: 2,
  threads: 3,
  contacts: 6,
  /** characters of a quoted statement (real findings: 90 % under 400); a longer one is cut, visibly */
  statement: 420,
  /** characters of a rode-draad title */
  threadTitle: 140,
  /** a province brief: themes, groups per side per theme, similar and contrasting findings per group */
  province: { themes: 4, groups: 2, similar: 1, contrasts: 1 },
} as const;

export interface BriefNote {
  n: number;
  /** What is cited: a case or note title, or the knowledge base for a computed thread. */
  label: string;
  document: string | null;
  section: string | null;
  /** Site path of the permalink (`/cases/weert/#bus`) and the absolute address. */
  path: string;
  url: string;
}

/** Numbers notes in the order they are first cited; citing the same finding twice gives one note. */
export class Notes {
  readonly list: BriefNote[] = [];
  private readonly byKey = new Map<string, number>();
  constructor(private readonly siteUrl: string) {}

  private add(key: string, note: Omit<BriefNote, 'n' | 'url'>): number {
    const seen = this.byKey.get(key);
    if (seen) return seen;
    const n = this.list.length + 1;
    this.list.push({ n, ...note, url: `${this.siteUrl.replace(/\/+$/, '')}${note.path}` });
    this.byKey.set(key, n);
    return n;
  }

  finding(f: FindingView): number {
    return this.add(f.id, { label: f.owner.title, document: f.source.documentTitle, section: f.source.section, path: f.url });
  }

  page(key: string, label: string, path: string): number {
    return this.add(`page:${key}`, { label, document: null, section: null, path });
  }
}

/**
 * A text cut at a sentence end (or else a word) within `max` characters. A cut is always visible —
 * " […]" after whole sentences, "…" inside one — because a finding's point may sit in the part left
 * out; the source note links to the whole finding.
 */
export function excerpt(text: string, max: number = LIMITS.statement): { text: string; cut: boolean } {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return { text: t, cut: false };
  const head = t.slice(0, max - 4);
  const sentence = /^.*[.!?](?=\s)/.exec(head);
  if (sentence && sentence[0].length >= max * 0.45) return { text: `${sentence[0]} […]`, cut: true };
  const word = head.replace(/\s+\S*$/, '').replace(/[,;:–-]+$/, '');
  return { text: `${word}…`, cut: true };
}

export interface Cited {
  findingId: string;
  type: FindingView['type'];
  owner: string;
  /** the finding's page and anchor */
  path: string;
  note: number;
}

export interface BriefGroup {
  /** Anchor, unique within the brief. */
  anchor: string;
  side: Side;
  statement: Cited & { text: string; cut: boolean };
  similar: Cited[];
  moreSimilar: number;
  /** Findings of the other side in the same group: the contrast. */
  contrasts: Cited[];
  moreContrasts: number;
  cases: number;
  sources: number;
  documents: number;
}

export interface BriefSection {
  groups: BriefGroup[];
  /** groups and findings of this side that are not shown */
  moreGroups: number;
  moreFindings: number;
  /** findings of this side left out of the grouping (a very large set, see Grouper.choose) */
  ungrouped: number;
  /** all findings of this side */
  findings: number;
  /** groups of more than one case or note */
  shared: number;
}

/** The `limit` strongest groups of one side, cited in order; the rest counted. */
export function section(
  groups: readonly FindingGroup[],
  side: Side,
  limit: number,
  ctx: { findingById: ReadonlyMap<string, FindingView>; notes: Notes; anchorPrefix: string; similar?: number; contrasts?: number; ungrouped?: number },
): BriefSection {
  const ungrouped = ctx.ungrouped ?? 0;
  const maxSimilar = ctx.similar ?? LIMITS.similar;
  const maxContrasts = ctx.contrasts ?? LIMITS.contrasts;
  const other: Side = side === 'blokkeert' ? 'hielp' : 'blokkeert';
  const ofSide = groups.filter((g) => g[side]).sort((a, b) => byStrength(a[side]!, b[side]!));
  const shown = ofSide.slice(0, limit);
  const cite = (id: string): Cited => {
    const f = ctx.findingById.get(id)!;
    return { findingId: f.id, type: f.type, owner: f.owner.title, path: f.url, note: ctx.notes.finding(f) };
  };
  const size = (s: SideGroup | null) => s?.findingIds.length ?? 0;
  return {
    groups: shown.map((g, i): BriefGroup => {
      const s = g[side]!;
      const statement = { ...cite(s.lead), ...excerpt(ctx.findingById.get(s.lead)!.text) };
      const similar = s.findingIds.slice(1, 1 + maxSimilar).map(cite);
      const contra = g[other]?.findingIds ?? [];
      const contrasts = contra.slice(0, maxContrasts).map(cite);
      return {
        anchor: `${ctx.anchorPrefix}${side}-${i + 1}`,
        side,
        statement,
        similar,
        moreSimilar: Math.max(0, s.findingIds.length - 1 - maxSimilar),
        contrasts,
        moreContrasts: Math.max(0, contra.length - maxContrasts),
        cases: s.cases.length,
        sources: s.owners.length,
        documents: s.documents.length,
      };
    }),
    moreGroups: ofSide.length - shown.length,
    moreFindings: ofSide.slice(limit).reduce((n, g) => n + size(g[side]), 0),
    ungrouped,
    findings: ofSide.reduce((n, g) => n + size(g[side]), 0) + ungrouped,
    shared: ofSide.filter((g) => g[side]!.owners.length > 1).length,
  };
}

export interface Contact {
  id: string;
  title: string;
  path: string;
  regio: string;
  province: string;
  schools: string[];
  moreSchools: number;
  /** findings of this case in the brief's scope */
  findings: number;
}

/** The cases with the most findings in scope ("wie heeft hier ervaring mee"), the rest counted. */
export function contacts(findingCounts: ReadonlyMap<string, number>, caseById: ReadonlyMap<string, CaseView>, limit: number = LIMITS.contacts): { shown: Contact[]; more: number } {
  const ranked = [...findingCounts]
    .filter(([id]) => caseById.has(id))
    .sort((a, b) => b[1] - a[1] || caseById.get(a[0])!.title.localeCompare(caseById.get(b[0])!.title, 'nl') || (a[0] < b[0] ? -1 : 1));
  const shown = ranked.slice(0, limit).map(([id, n]): Contact => {
    const c = caseById.get(id)!;
    // one vo and one mbo school name the partnership; the rest is counted
    const schools = [...c.meta.scholen.vo.slice(0, 1), ...c.meta.scholen.mbo.slice(0, 1)];
    const total = c.meta.scholen.vo.length + c.meta.scholen.mbo.length;
    return {
      id,
      title: c.title,
      path: c.url,
      regio: c.meta.regio,
      province: c.provinceLabel,
      schools,
      moreSchools: total - schools.length,
      findings: n,
    };
  });
  return { shown, more: ranked.length - shown.length };
}

/** How many findings of each case are among `findings`. */
export function countByCase(findings: readonly FindingView[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) if (f.owner.collection === 'cases') out.set(f.owner.id, (out.get(f.owner.id) ?? 0) + 1);
  return out;
}
