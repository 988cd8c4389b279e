// Small text helpers for the computed titles and descriptions of JavaScript pages.

/** "1 case", "3 cases" (the `plural` filter). */
export const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** " (pagina 2 van 5)" for a page after the first of a list over several pages, else nothing. */
export const pageSuffix = (pg) => (pg.pages > 1 ? ` (pagina ${pg.page} van ${pg.pages})` : '');

/**
 * The titles of the cases, comma-separated, for a meta description — which keeps only its first
 * 200 characters, so the titles stop once there are more than enough.
 */
export function caseTitles(ids, caseById) {
  let out = '';
  for (const id of ids) {
    const title = caseById[id]?.title;
    if (!title) continue;
    out += out ? `, ${title}` : title;
    if (out.length > 400) break;
  }
  return out;
}
