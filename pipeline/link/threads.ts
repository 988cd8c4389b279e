// Rode draden: authored threads (findings typed rode draad) and computed ones (a theme that
// recurs as knelpunt or succesfactor across cases and provinces), each with an evidence profile.
import type { CaseEntry, Entry, Finding, FindingId, ThemeId } from '../types.ts';
import { shortTitle, type ShortTitleRule } from './short-title.ts';

export interface ThreadRule {
  /** A theme becomes a computed thread when it recurs in at least this many cases … */
  minCases: number;
  /** … spread over at least this many provinces. */
  minProvinces: number;
}
export const DEFAULT_THREAD_RULE: ThreadRule = { minCases: 3, minProvinces: 2 };

/** Thread ids, and with them the pages `/rode-draden/<id>/`: validation checks them for conflicts. */
export const authoredThreadId = (entryId: string, findingLocalId: string): string => `${entryId}-${findingLocalId}`;
export const computedThreadId = (themeId: string): string => `thema-${themeId}`;

export type EvidenceLabel = 'breed' | 'beperkt' | 'enkelvoudig';

export interface EvidenceProfile {
  cases: number;
  provinces: number;
  sectors: number;
  documents: number;
  findings: number;
  label: EvidenceLabel;
}

/**
 * The label is a count, not a verdict on truth:
 *  - breed: ≥ 5 cases in ≥ 3 provinces, from ≥ 2 documents or ≥ 5 cases;
 *  - beperkt: ≥ 2 cases, or ≥ 2 source documents;
 *  - enkelvoudig: one case or one document only.
 */
export function evidenceLabel(p: Omit<EvidenceProfile, 'label'>): EvidenceLabel {
  if (p.cases >= 5 && p.provinces >= 3) return 'breed';
  if (p.cases >= 2 || p.documents >= 2) return 'beperkt';
  return 'enkelvoudig';
}

export interface Thread {
  id: string;
  kind: 'authored' | 'computed';
  /** A short title, never a cut-off sentence: the author's `titel`, a phrase of the text, or the theme's label. */
  title: string;
  /** Where the title comes from: the author (`titel`), a rule of short-title.ts, or the theme. */
  titleFrom: 'titel' | ShortTitleRule | 'thema';
  text: string;
  themes: ThemeId[];
  /** Authored: the rode-draad finding itself. */
  findingId?: FindingId;
  /** The findings that support it (for computed threads: those of the dominant type). */
  evidence: FindingId[];
  /** Findings on the same theme that point the other way. */
  contrasts: FindingId[];
  /** Computed: the type most findings have. */
  dominantType?: 'knelpunt' | 'succesfactor';
  caseIds: string[];
  provinces: string[];
  sectors: string[];
  documents: string[];
  profile: EvidenceProfile;
}

interface Context {
  entries: readonly Entry[];
  findingById: Map<string, Finding>;
  caseById: Map<string, CaseEntry>;
}

function profileOf(findingIds: readonly FindingId[], ctx: Context, extraDocuments: string[] = []) {
  const cases = new Set<string>();
  const provinces = new Set<string>();
  const sectors = new Set<string>();
  const documents = new Set<string>(extraDocuments);
  for (const id of findingIds) {
    const f = ctx.findingById.get(id)!;
    documents.add(f.source.document);
    if (f.owner.collection !== 'cases') continue;
    const c = ctx.caseById.get(f.owner.id)!;
    cases.add(c.id);
    provinces.add(c.meta.provincie);
    for (const s of c.meta.sectoren) sectors.add(s);
  }
  const counts = { cases: cases.size, provinces: provinces.size, sectors: sectors.size, documents: documents.size, findings: findingIds.length };
  return {
    caseIds: [...cases].sort(),
    provinces: [...provinces].sort(),
    sectors: [...sectors].sort(),
    documents: [...documents].sort(),
    profile: { ...counts, label: evidenceLabel(counts) },
  };
}

export function computeThreads(entries: readonly Entry[], themeLabels: Map<string, string>, rule: ThreadRule = DEFAULT_THREAD_RULE): Thread[] {
  const findingById = new Map<string, Finding>();
  for (const e of entries) for (const f of e.findings) findingById.set(f.id, f);
  const caseById = new Map(entries.filter((e): e is CaseEntry => e.collection === 'cases').map((c) => [c.id as string, c]));
  const ctx: Context = { entries, findingById, caseById };
  const threads: Thread[] = [];

  // Authored threads.
  for (const e of entries) {
    for (const f of e.findings) {
      if (f.type !== 'rode-draad') continue;
      const p = profileOf(f.supports, ctx, [f.source.document]);
      const short = shortTitle(f.text);
      threads.push({
        id: authoredThreadId(e.id, f.localId),
        kind: 'authored',
        title: f.title ?? short.title,
        titleFrom: f.title ? 'titel' : short.rule,
        text: f.text,
        themes: f.themes,
        findingId: f.id,
        evidence: [...f.supports],
        contrasts: [],
        ...p,
      });
    }
  }

  // Computed threads: per theme, knelpunten and succesfactoren in cases.
  const byTheme = new Map<ThemeId, Finding[]>();
  for (const c of caseById.values())
    for (const f of c.findings) {
      if (f.type !== 'knelpunt' && f.type !== 'succesfactor') continue;
      for (const t of f.themes) {
        const list = byTheme.get(t);
        if (list) list.push(f);
        else byTheme.set(t, [f]);
      }
    }
  for (const [theme, findings] of [...byTheme].sort((a, b) => a[0].localeCompare(b[0]))) {
    const cases = new Set(findings.map((f) => f.owner.id));
    const provinces = new Set([...cases].map((id) => caseById.get(id)!.meta.provincie));
    if (cases.size < rule.minCases || provinces.size < rule.minProvinces) continue;
    const kp = findings.filter((f) => f.type === 'knelpunt');
    const sf = findings.filter((f) => f.type === 'succesfactor');
    const casesOf = (fs: Finding[]) => new Set(fs.map((f) => f.owner.id)).size;
    const dominantType = casesOf(kp) >= casesOf(sf) ? 'knelpunt' : 'succesfactor';
    const evidence = (dominantType === 'knelpunt' ? kp : sf).map((f) => f.id).sort();
    const contrasts = (dominantType === 'knelpunt' ? sf : kp).map((f) => f.id).sort();
    const label = themeLabels.get(theme) ?? theme;
    const p = profileOf(evidence, ctx);
    threads.push({
      id: computedThreadId(theme),
      kind: 'computed',
      title: label,
      titleFrom: 'thema',
      text: `In ${p.profile.cases} cases in ${p.profile.provinces} provincies is "${label}" een ${dominantType}${contrasts.length ? `; in ${casesOf(dominantType === 'knelpunt' ? sf : kp)} cases juist een ${dominantType === 'knelpunt' ? 'succesfactor' : 'knelpunt'}` : ''}.`,
      themes: [theme],
      evidence,
      contrasts,
      dominantType,
      ...p,
    });
  }
  return threads.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'authored' ? -1 : 1) || b.profile.cases - a.profile.cases || a.id.localeCompare(b.id));
}

