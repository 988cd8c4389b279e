// Lists of cases at scale: a filter page, a province page and the case × theme matrix show a
// page of cases at a time, so no page grows with the corpus; so does the list of notes. Pages
// after the first get their own address: /cases/provincie/limburg/2/. Overview pages (home,
// cases, regions) list cases only up to LIST_INLINE and show counts and links beyond that; so does
// the compare page's case list (the visitor picks a province first).
import type { CaseFilter } from './facets.ts';

/** Cases per page of a filter or province page. */
export const CASES_PER_PAGE = 100;
/** Rows per page of the matrix of one province. */
export const MATRIX_ROWS = 50;
/** Up to this many cases an overview page (home, cases, regions, matrix, compare) lists them all. */
export const LIST_INLINE = 60;
/** Notes per page of /notities/ (each with its summary). */
export const NOTES_PER_PAGE = 25;
/** Cases per data file of the compare page (/data/vergelijk/<n>.json, pipeline/emit/compare.ts). */
export const CASES_PER_PART = 25;

/** How many data files the compare page's cases are spread over. */
export const compareParts = (cases: number): number => Math.max(1, Math.ceil(cases / CASES_PER_PART));

export interface CasePage {
  url: string;
  page: number;
  pages: number;
  prev: string | null;
  next: string | null;
  /** the cases on this page */
  caseIds: string[];
  /** 1-based number of the first case on this page, and of all cases */
  first: number;
  total: number;
}

/** `ids` cut into pages of `size`; the first page at `base`, the others at `base` + n + '/'. At least one page. */
export function pagesOf(ids: readonly string[], base: string, size: number): CasePage[] {
  const count = Math.max(1, Math.ceil(ids.length / size));
  const urlOf = (p: number) => (p === 1 ? base : `${base}${p}/`);
  return Array.from({ length: count }, (_, i) => ({
    url: urlOf(i + 1),
    page: i + 1,
    pages: count,
    prev: i > 0 ? urlOf(i) : null,
    next: i + 1 < count ? urlOf(i + 2) : null,
    caseIds: ids.slice(i * size, (i + 1) * size),
    first: i * size + 1,
    total: ids.length,
  }));
}

export type NotePage = Omit<CasePage, 'caseIds'> & { noteIds: string[] };

/** /notities/ a page of notes at a time (one page when there are few). */
export function notePages(noteIds: readonly string[]): NotePage[] {
  return pagesOf(noteIds, '/notities/', NOTES_PER_PAGE).map(({ caseIds, ...page }) => ({ ...page, noteIds: caseIds }));
}

interface Province {
  id: string;
  label: string;
  url: string;
  caseIds: string[];
}
export type FilterPage = CasePage & { filter: CaseFilter };
export type ProvincePage<P extends Province = Province> = CasePage & { province: P };

export function filterPages(filters: readonly CaseFilter[]): FilterPage[] {
  return filters.flatMap((filter) => pagesOf(filter.caseIds, filter.url, CASES_PER_PAGE).map((p) => ({ ...p, filter })));
}

export function provincePages<P extends Province>(provinces: readonly P[]): ProvincePage<P>[] {
  return provinces.flatMap((province) => pagesOf(province.caseIds, province.url, CASES_PER_PAGE).map((page) => ({ ...page, province })));
}

/** The matrix per province, when there are more cases than fit one page (else none: /matrix/ shows them all). */
export function matrixPages<P extends Province>(provinces: readonly P[], cases: number): ProvincePage<P>[] {
  if (cases <= LIST_INLINE) return [];
  return provinces.filter((p) => p.caseIds.length).flatMap((province) => pagesOf(province.caseIds, `/matrix/${province.id}/`, MATRIX_ROWS).map((page) => ({ ...page, province })));
}
