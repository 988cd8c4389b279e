// Theme and rode-draad pages at scale. A subject (a theme, or a thread's evidence) with few
// findings is shown whole on its own page. One with many is split so no page grows past a few
// hundred kilobytes: its page shows counts per province and the best findings, and a sub-page per
// province (and one for notes) lists each case with its best findings on the subject, a few dozen
// cases per page. "Best": cited by more rode draden of the sources, then about this subject first
// (its first theme), then more specific (fewer themes), then document order.
import type { FindingType } from '../types.ts';
import { FINDING_TYPES } from '../types.ts';
import type { Term } from '../vocabulary.ts';

/** Above this many findings a subject is split over sub-pages. */
export const SPLIT_ABOVE = 120;
/** Cases (or notes) per sub-page. */
export const OWNERS_PER_PAGE = 40;
/** Findings shown per case on a sub-page; the rest are one link away on the case page. */
export const SHOWN_PER_OWNER = 3;
/** Best findings on the subject's own page. */
export const BEST_ON_PAGE = 10;

export interface ListedFinding {
  id: string;
  type: FindingType;
  themes: string[];
  owner: { collection: 'cases' | 'notes'; id: string; title: string; url: string; province: string | null };
  /** authored rode draden citing it */
  citations: number;
}

export interface ListingOwner {
  id: string;
  collection: 'cases' | 'notes';
  title: string;
  url: string;
  /** shown here, best first */
  findingIds: string[];
  /** all of this owner's findings on the subject */
  total: number;
}

export interface ListingPage {
  url: string;
  subject: { kind: 'theme' | 'thread'; id: string; title: string; url: string };
  /** a thread's findings that point the other way */
  contrasts: boolean;
  group: { id: string; label: string };
  page: number;
  pages: number;
  prev: string | null;
  next: string | null;
  owners: ListingOwner[];
}

export interface ListingGroup {
  id: string;
  label: string;
  url: string;
  owners: number;
  findings: number;
  counts: Record<FindingType, number>;
}

/** How a split subject is shown on its own page. */
export interface Split {
  groups: ListingGroup[];
  /** the best findings, at most one per case or note */
  best: string[];
  /** the best succesfactoren, at most one per case or note ("wat hielp elders" on a theme) */
  bestSucces: string[];
  /** the sub-page (its number within its group) each case or note is on */
  pageOf: Record<string, number>;
}

export interface Subject {
  kind: 'theme' | 'thread';
  id: string;
  title: string;
  /** the subject's page, e.g. /themas/lob/ */
  url: string;
  /** the thread's findings that point the other way (their sub-pages under <url>tegengesteld/) */
  contrasts?: boolean;
  /** the theme it is about, for "about this subject first" (threads: their first theme) */
  theme: string | null;
  findings: ListedFinding[];
}

/** Findings best first; the input order is the last tie-break. */
export function bestFirst(findings: readonly ListedFinding[], theme: string | null): ListedFinding[] {
  const keyed = findings.map((f, i) => ({ f, i, primary: theme !== null && f.themes[0] === theme ? 0 : 1 }));
  keyed.sort((a, b) => b.f.citations - a.f.citations || a.primary - b.primary || a.f.themes.length - b.f.themes.length || a.i - b.i);
  return keyed.map((k) => k.f);
}

/** Split a subject (when it has more than SPLIT_ABOVE findings, or `force`); its sub-pages go to `pages`. */
export function splitSubject(s: Subject, provinces: readonly Term[], pages: ListingPage[], force = false): Split | null {
  if (s.findings.length <= SPLIT_ABOVE && !force) return null;
  const byGroup = new Map<string, ListedFinding[]>();
  for (const f of s.findings) {
    const g = f.owner.collection === 'notes' ? 'notities' : (f.owner.province ?? 'notities');
    const list = byGroup.get(g);
    if (list) list.push(f);
    else byGroup.set(g, [f]);
  }
  const groups: ListingGroup[] = [];
  const pageOf: Record<string, number> = {};
  const order = [...provinces.map((p) => ({ id: p.id, label: p.label })), { id: 'notities', label: 'Notities' }];
  for (const { id, label } of order) {
    const fs = byGroup.get(id);
    if (!fs) continue;
    // owners in the order their findings come (the subject's order: cases, then notes, by title)
    const byOwner = new Map<string, ListedFinding[]>();
    for (const f of fs) {
      const list = byOwner.get(f.owner.id);
      if (list) list.push(f);
      else byOwner.set(f.owner.id, [f]);
    }
    const owners: ListingOwner[] = [...byOwner.values()].map((list) => {
      const ranked = bestFirst(list, s.theme);
      return {
        id: list[0].owner.id,
        collection: list[0].owner.collection,
        title: list[0].owner.title,
        url: list[0].owner.url,
        findingIds: ranked.slice(0, SHOWN_PER_OWNER).map((f) => f.id),
        total: list.length,
      };
    });
    const base = `${s.url}${s.contrasts ? 'tegengesteld/' : ''}${id}/`;
    const count = Math.ceil(owners.length / OWNERS_PER_PAGE);
    const urlOf = (p: number) => (p === 1 ? base : `${base}${p}/`);
    owners.forEach((o, i) => (pageOf[o.id] = Math.floor(i / OWNERS_PER_PAGE) + 1));
    for (let p = 1; p <= count; p++)
      pages.push({
        url: urlOf(p),
        subject: { kind: s.kind, id: s.id, title: s.title, url: s.url },
        contrasts: Boolean(s.contrasts),
        group: { id, label },
        page: p,
        pages: count,
        prev: p > 1 ? urlOf(p - 1) : null,
        next: p < count ? urlOf(p + 1) : null,
        owners: owners.slice((p - 1) * OWNERS_PER_PAGE, p * OWNERS_PER_PAGE),
      });
    const counts = Object.fromEntries(FINDING_TYPES.map((t) => [t, 0])) as Record<FindingType, number>;
    for (const f of fs) counts[f.type]++;
    groups.push({ id, label, url: base, owners: owners.length, findings: fs.length, counts });
  }
  return { groups, best: bestPerOwner(s.findings, s.theme), bestSucces: bestPerOwner(s.findings.filter((f) => f.type === 'succesfactor'), s.theme), pageOf };
}

/** The best BEST_ON_PAGE findings, at most one per case or note: the first of each owner in best-first order. */
export function bestPerOwner(findings: readonly ListedFinding[], theme: string | null): string[] {
  const seen = new Set<string>();
  const best: string[] = [];
  for (const f of bestFirst(findings, theme)) {
    if (seen.has(f.owner.id)) continue;
    seen.add(f.owner.id);
    best.push(f.id);
    if (best.length === BEST_ON_PAGE) break;
  }
  return best;
}
