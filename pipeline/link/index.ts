// Stage 4 — link: the graph of cases, notes, findings, themes, provinces, places, documents and
// rode draden, with the aggregates the site shows. Everything here is plain, sorted JSON data.
import type { CaseEntry, Entry, Finding, FindingType, NoteEntry, Theme } from '../types.ts';
import { FINDING_TYPES } from '../types.ts';
import type { ValidModel } from '../validate/index.ts';
import { labelOf, NOTE_KINDS, PROVINCES, ROUTE_TYPES, SECTORS } from '../vocabulary.ts';
import { compareNl } from '../util/text.ts';
import { ThemeSetIndex } from './overlap.ts';
import { relatedCases, type RelatedCase } from './related.ts';
import { caseFilters, type CaseFilter } from './facets.ts';
import { compareParts, filterPages, LIST_INLINE, matrixPages, notePages, provincePages, type FilterPage, type NotePage, type ProvincePage } from './paging.ts';
import { computeThreads, DEFAULT_THREAD_RULE, type Thread, type ThreadRule } from './threads.ts';
import { splitSubject, SPLIT_ABOVE, type ListedFinding, type ListingPage, type Split } from './listing.ts';

export { evidenceLabel, DEFAULT_THREAD_RULE, type Thread, type EvidenceProfile } from './threads.ts';
export { relatedCases, themeWeights } from './related.ts';
export type { ListingPage, Split } from './listing.ts';

export type TypeCounts = Record<FindingType, number>;

export interface FindingView {
  id: string;
  localId: string;
  type: FindingType;
  text: string;
  html: string;
  themes: string[];
  group: string | null;
  owner: { collection: 'cases' | 'notes'; id: string; title: string; url: string; province: string | null };
  source: { document: string; documentTitle: string; section: string };
  url: string;
  supports: string[];
  /** Threads (ids) this finding is evidence for. */
  threads: string[];
  /** For a knelpunt: succesfactoren elsewhere on the same theme(s). */
  helpedElsewhere: string[];
  line: number;
}

export interface EntryView {
  id: string;
  collection: 'cases' | 'notes';
  url: string;
  path: string;
  title: string;
  summary: string;
  proseHtml: string;
  proseText: string;
  findingIds: string[];
  counts: TypeCounts;
  themes: string[];
}

export interface CaseView extends EntryView {
  collection: 'cases';
  meta: CaseEntry['meta'];
  provinceLabel: string;
  routeLabel: string;
  sectorLabels: string[];
  placeNames: string[];
  related: RelatedCase[];
  threads: string[];
  notes: string[];
}

export interface NoteView extends EntryView {
  collection: 'notes';
  meta: NoteEntry['meta'];
  kindLabel: string;
}

export interface ThemeView extends Theme {
  url: string;
  domainLabel: string;
  findingIds: string[];
  counts: TypeCounts;
  caseIds: string[];
  /** Findings grouped by owner (case or note), owners in title order. */
  byOwner: { owner: string; title: string; url: string; collection: 'cases' | 'notes'; findingIds: string[] }[];
  threadIds: string[];
  /** With many findings: counts per province and the best findings; the findings on sub-pages (listing.ts). */
  split?: Split | null;
}

export interface ThreadSplit {
  evidence: Split;
  contrasts: Split | null;
}

export interface ProvinceView {
  id: string;
  label: string;
  url: string;
  caseIds: string[];
  placeIds: string[];
  findingCount: number;
}

export interface Graph {
  counts: { cases: number; notes: number; findings: number; themes: number; provinces: number; documents: number; threads: number; byType: TypeCounts };
  cases: CaseView[];
  notes: NoteView[];
  findings: FindingView[];
  themes: ThemeView[];
  domains: { id: string; label: string; definitie: string; themeIds: string[] }[];
  provinces: ProvinceView[];
  documents: (ValidModel['documents'][number] & { findingCount: number })[];
  places: ValidModel['places'];
  threads: Thread[];
  /** Threads with many findings: evidence and contrasts over sub-pages per province (listing.ts). */
  threadSplits: Record<string, ThreadSplit>;
  /** Sub-pages of split themes and threads. */
  listingPages: ListingPage[];
  threadRule: ThreadRule;
  /** Filter pages for the case list: province, route type, sector values that have cases. */
  caseFilters: CaseFilter[];
  /** Filter and province pages a page of cases at a time; the matrix per province when it is large (paging.ts). */
  filterPages: FilterPage[];
  provincePages: ProvincePage<ProvinceView>[];
  matrixPages: ProvincePage<ProvinceView>[];
  /** /notities/ a page of notes at a time. */
  notePages: NotePage[];
  /** The compare page's cases are in this many data files (pipeline/emit/compare.ts). */
  compareParts: number;
  /** Findings per province (with cases) and theme, for the matrix overview at scale. */
  matrixByProvince: { id: string; label: string; cases: number; counts: Record<string, number> }[];
  /** Up to this many cases, overview pages list them all; beyond, counts and links (paging.ts). */
  listInline: number;
  vocab: { provinces: typeof PROVINCES; sectors: typeof SECTORS; routeTypes: typeof ROUTE_TYPES; noteKinds: typeof NOTE_KINDS };
}

const zeroCounts = (): TypeCounts => Object.fromEntries(FINDING_TYPES.map((t) => [t, 0])) as TypeCounts;
function countTypes(findings: readonly { type: FindingType }[]): TypeCounts {
  const c = zeroCounts();
  for (const f of findings) c[f.type]++;
  return c;
}
const uniqueSorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

export function link(model: ValidModel, rule: ThreadRule = DEFAULT_THREAD_RULE): Graph {
  const cases = [...model.cases].sort((a, b) => compareNl(a.meta.titel, b.meta.titel));
  const notes = [...model.notes].sort((a, b) => compareNl(a.meta.titel, b.meta.titel));
  const entries: Entry[] = [...cases, ...notes];
  const docById = new Map(model.documents.map((d) => [d.id as string, d]));
  const placeById = new Map(model.places.map((p) => [p.id as string, p]));
  const allFindings: Finding[] = entries.flatMap((e) => e.findings);

  const threads = computeThreads(entries, new Map(model.codebook.themas.map((t) => [t.id, t.label])), rule);
  const threadsByFinding = new Map<string, string[]>();
  const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (const t of threads) for (const fid of t.evidence) push(threadsByFinding, fid, t.id);

  const titleOf = (e: Entry) => e.meta.titel;
  const provinceOf = (e: Entry) => (e.collection === 'cases' ? e.meta.provincie : null);
  // "wat hielp elders": succesfactoren of other entries, ranked by how many themes they share
  const succes = new ThemeSetIndex();
  const ownerOf = new Map<string, string>();
  for (const f of allFindings)
    if (f.type === 'succesfactor') {
      succes.add(f.id, f.themes);
      ownerOf.set(f.id, f.owner.id);
    }

  const findings: FindingView[] = entries.flatMap((e) =>
    e.findings.map((f): FindingView => {
      let helped: string[] = [];
      if (f.type === 'knelpunt') helped = succes.top(f.themes, 5, (id) => ownerOf.get(id) === e.id).map((o) => o.id);
      return {
        id: f.id,
        localId: f.localId,
        type: f.type,
        text: f.text,
        html: f.html,
        themes: f.themes,
        group: f.group,
        owner: { collection: e.collection, id: e.id, title: titleOf(e), url: e.url, province: provinceOf(e) },
        source: { document: f.source.document, documentTitle: docById.get(f.source.document)?.titel ?? f.source.document, section: f.source.section },
        url: `${e.url}#${f.localId}`,
        supports: f.supports,
        threads: (threadsByFinding.get(f.id) ?? []).sort(),
        helpedElsewhere: helped,
        line: f.position.line,
      };
    }),
  );

  const related = relatedCases(cases);
  const threadsByCase = new Map<string, string[]>();
  for (const t of threads) for (const c of t.caseIds) push(threadsByCase, c, t.id);
  const entryView = (e: Entry): EntryView => ({
    id: e.id,
    collection: e.collection,
    url: e.url,
    path: e.path,
    title: e.meta.titel,
    summary: e.meta.samenvatting,
    proseHtml: e.proseHtml,
    proseText: e.proseText,
    findingIds: e.findings.map((f) => f.id),
    counts: countTypes(e.findings),
    themes: uniqueSorted(e.findings.flatMap((f) => f.themes)),
  });
  const notesByCase = new Map<string, string[]>();
  for (const n of notes) for (const c of new Set(n.meta.cases)) push(notesByCase, c, n.id);
  const caseViews: CaseView[] = cases.map((c) => ({
    ...entryView(c),
    collection: 'cases',
    meta: c.meta,
    provinceLabel: labelOf(PROVINCES, c.meta.provincie),
    routeLabel: labelOf(ROUTE_TYPES, c.meta.routetype),
    sectorLabels: c.meta.sectoren.map((s) => labelOf(SECTORS, s)),
    placeNames: c.meta.plaatsen.map((p) => placeById.get(p)?.naam ?? p),
    related: related.get(c.id) ?? [],
    threads: (threadsByCase.get(c.id) ?? []).sort(),
    notes: notesByCase.get(c.id) ?? [],
  }));
  const noteViews: NoteView[] = notes.map((n) => ({ ...entryView(n), collection: 'notes', meta: n.meta, kindLabel: labelOf(NOTE_KINDS, n.meta.soort) }));

  // findings by theme, in entry order (cases then notes, each by title)
  const findingsByTheme = new Map<string, Finding[]>();
  for (const f of allFindings) for (const t of f.themes) push(findingsByTheme, t, f);
  const entryByOwner = new Map(entries.map((e) => [`${e.collection}/${e.id}`, e]));
  const themes: ThemeView[] = [...model.codebook.themas]
    .sort((a, b) => compareNl(a.label, b.label))
    .map((t) => {
      const fs = findingsByTheme.get(t.id) ?? [];
      const byOwnerId = new Map<string, string[]>();
      for (const f of fs) push(byOwnerId, f.owner.id, f.id);
      const owners = [...new Set(fs.map((f) => entryByOwner.get(`${f.owner.collection}/${f.owner.id}`)!))];
      return {
        ...t,
        url: `/themas/${t.id}/`,
        domainLabel: model.codebook.domeinen.find((d) => d.id === t.domein)?.label ?? t.domein,
        findingIds: fs.map((f) => f.id),
        counts: countTypes(fs),
        caseIds: uniqueSorted(fs.filter((f) => f.owner.collection === 'cases').map((f) => f.owner.id)),
        byOwner: owners.map((e) => ({ owner: e.id, title: titleOf(e), url: e.url, collection: e.collection, findingIds: byOwnerId.get(e.id)! })),
        threadIds: threads.filter((th) => th.themes.includes(t.id)).map((th) => th.id),
      };
    });

  // theme and thread pages at scale: sub-pages per province (listing.ts)
  const listingPages: ListingPage[] = [];
  const authored = new Set(threads.filter((th) => th.kind === 'authored').map((th) => th.id));
  const position = new Map(findings.map((f, i) => [f.id, i]));
  const citations = findings.map((f) => f.threads.filter((th) => authored.has(th)).length);
  const listed = (ids: readonly string[]): ListedFinding[] =>
    ids
      .map((id) => position.get(id) ?? -1)
      .filter((i) => i >= 0)
      .sort((a, b) => a - b)
      .map((i) => {
        const f = findings[i];
        return { id: f.id, type: f.type, themes: f.themes, owner: f.owner, citations: citations[i] };
      });
  for (const t of themes) t.split = splitSubject({ kind: 'theme', id: t.id, title: t.label, url: t.url, theme: t.id, findings: listed(t.findingIds) }, PROVINCES, listingPages);
  const threadSplits: Record<string, ThreadSplit> = {};
  for (const th of threads) {
    if (th.evidence.length + th.contrasts.length <= SPLIT_ABOVE) continue;
    const url = `/rode-draden/${th.id}/`;
    const theme = th.themes[0] ?? null;
    threadSplits[th.id] = {
      evidence: splitSubject({ kind: 'thread', id: th.id, title: th.title, url, theme, findings: listed(th.evidence) }, PROVINCES, listingPages, true)!,
      contrasts: th.contrasts.length ? splitSubject({ kind: 'thread', id: th.id, title: th.title, url, contrasts: true, theme, findings: listed(th.contrasts) }, PROVINCES, listingPages, true) : null,
    };
  }

  const provinces: ProvinceView[] = PROVINCES.map((p) => {
    const cs = cases.filter((c) => c.meta.provincie === p.id);
    return {
      id: p.id,
      label: p.label,
      url: `/provincies/${p.id}/`,
      caseIds: cs.map((c) => c.id),
      placeIds: uniqueSorted(cs.flatMap((c) => c.meta.plaatsen)),
      findingCount: cs.reduce((n, c) => n + c.findings.length, 0),
    };
  });

  const filters = caseFilters(cases);
  // the matrix at scale: findings per province and theme
  const provinceOfCase = new Map(cases.map((c) => [c.id as string, c.meta.provincie as string]));
  const matrixByProvince = provinces
    .filter((p) => p.caseIds.length)
    .map((p) => ({ id: p.id, label: p.label, cases: p.caseIds.length, counts: {} as Record<string, number> }));
  const matrixRow = new Map(matrixByProvince.map((r) => [r.id, r]));
  for (const f of allFindings) {
    const row = f.owner.collection === 'cases' ? matrixRow.get(provinceOfCase.get(f.owner.id)!) : undefined;
    if (row) for (const t of f.themes) row.counts[t] = (row.counts[t] ?? 0) + 1;
  }

  const findingsPerDocument = new Map<string, number>();
  for (const f of allFindings) findingsPerDocument.set(f.source.document, (findingsPerDocument.get(f.source.document) ?? 0) + 1);

  return {
    counts: {
      cases: cases.length,
      notes: notes.length,
      findings: allFindings.length,
      themes: model.codebook.themas.length,
      provinces: provinces.filter((p) => p.caseIds.length).length,
      documents: model.documents.length,
      threads: threads.length,
      byType: countTypes(allFindings),
    },
    cases: caseViews,
    notes: noteViews,
    findings,
    themes,
    domains: model.codebook.domeinen.map((d) => ({ ...d, themeIds: themes.filter((t) => t.domein === d.id).map((t) => t.id) })),
    provinces,
    documents: [...model.documents].sort((a, b) => a.id.localeCompare(b.id)).map((d) => ({ ...d, findingCount: findingsPerDocument.get(d.id) ?? 0 })),
    places: [...model.places].sort((a, b) => a.id.localeCompare(b.id)),
    threads,
    threadSplits,
    listingPages,
    threadRule: rule,
    caseFilters: filters,
    filterPages: filterPages(filters),
    provincePages: provincePages(provinces),
    matrixPages: matrixPages(provinces, cases.length),
    notePages: notePages(noteViews.map((n) => n.id)),
    compareParts: compareParts(cases.length),
    matrixByProvince,
    listInline: LIST_INLINE,
    vocab: { provinces: PROVINCES, sectors: SECTORS, routeTypes: ROUTE_TYPES, noteKinds: NOTE_KINDS },
  };
}
