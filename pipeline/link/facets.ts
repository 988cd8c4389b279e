// Case filters (province, route type, sector): one page per value that has cases, so the site
// never publishes a "0 cases" page that nothing links to. Counts are computed once here.
import type { CaseEntry } from '../types.ts';
import { PROVINCES, ROUTE_TYPES, SECTORS, type Term } from '../vocabulary.ts';

export type FacetKey = 'provincie' | 'routetype' | 'sector';

export interface CaseFilter {
  facet: FacetKey;
  /** "Provincie", "Routetype", "Sector". */
  facetLabel: string;
  id: string;
  label: string;
  url: string;
  /** How the filter page says it: "in de provincie Limburg". */
  phrase: string;
  caseIds: string[];
}

const FACETS: { key: FacetKey; label: string; terms: readonly Term[]; values: (c: CaseEntry) => string[]; phrase: (label: string) => string }[] = [
  { key: 'provincie', label: 'Provincie', terms: PROVINCES, values: (c) => [c.meta.provincie], phrase: (l) => `in de provincie ${l}` },
  { key: 'routetype', label: 'Routetype', terms: ROUTE_TYPES, values: (c) => [c.meta.routetype], phrase: (l) => `met als routetype: ${l}` },
  { key: 'sector', label: 'Sector', terms: SECTORS, values: (c) => c.meta.sectoren, phrase: (l) => `in de sector ${l}` },
];

/** Filters in vocabulary order, facet by facet; only values with at least one case. `cases` in display order. */
export function caseFilters(cases: readonly CaseEntry[]): CaseFilter[] {
  const out: CaseFilter[] = [];
  for (const f of FACETS) {
    const byValue = new Map<string, string[]>();
    for (const c of cases)
      for (const v of f.values(c)) {
        const list = byValue.get(v);
        if (list) list.push(c.id);
        else byValue.set(v, [c.id]);
      }
    for (const t of f.terms) {
      const caseIds = byValue.get(t.id);
      if (caseIds) out.push({ facet: f.key, facetLabel: f.label, id: t.id, label: t.label, url: `/cases/${f.key}/${t.id}/`, phrase: f.phrase(t.label), caseIds });
    }
  }
  return out;
}
