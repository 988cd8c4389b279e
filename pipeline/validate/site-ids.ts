// Ids that become parts of the site: element ids on pages, and page addresses. Checked here, in
// `npm run check`, so that neither duplicate DOM ids nor two pages on one address reach Eleventy.
//
// Finding ids are anchors (`/cases/weert/#reistijd-bus`) and case and note ids are element ids on
// theme pages; an id the layouts use themselves (`inhoud`, the skip link's target) would appear
// twice on one page. Such ids are rejected, not namespaced: a finding's anchor is its permalink,
// which people cite, and a prefix on every anchor would change all of them to save a rare author
// from picking another word.
import type { ParsedEntry } from '../parse/index.ts';
import { authoredThreadId, computedThreadId } from '../link/threads.ts';
import { problem, type Problem } from '../problems.ts';
import type { Point } from '../types.ts';

/**
 * Every literal `id="…"` on the pages where finding or case ids become element ids — the layout,
 * the partials, and the pages that show them (case, note, theme, rode draad, the listing of a
 * theme or rode draad per province; their bodies are in templates/pages/) — kept equal to the
 * templates by test/pipeline/site-ids.test.ts. Ids on other pages (the colofon, say) never meet a
 * content id, so they do not restrict authors.
 */
export const RESERVED_ELEMENT_IDS: readonly string[] = ['bewijsprofiel', 'draden', 'header-q', 'inhoud', 'kop_bronnen', 'kop_ervaring', 'matrix-caption', 'notities', 'onderbouwing', 'per-provincie', 'problems-title', 'sterkste', 'tegengesteld', 'verwant', 'wat-hielp'];

/**
 * Prefixes of ids those templates compose from a value (`type-{{ type }}`); same test. The brief's
 * ids (`kop_…`, `groep_…`, `bron_…`, templates/partials/brief-macros.njk) contain "_", which no
 * content id can, so listing them restricts no author.
 */
export const RESERVED_ID_PREFIXES: readonly string[] = ['bron_', 'groep_', 'kop_', 'type-'];

export function isReservedId(id: string): boolean {
  return RESERVED_ELEMENT_IDS.includes(id) || RESERVED_ID_PREFIXES.some((p) => id.startsWith(p));
}

export function reservedIdProblem(file: string, at: Point | undefined, what: string, id: string): Problem {
  return problem('reserved-id', file, at, `${what} "${id}" is een id die de pagina's van de site zelf gebruiken`);
}

/**
 * Rode draden get the page `/rode-draden/<id>/`: authored ones `<file>-<finding id>`, computed ones
 * `thema-<theme id>` for any theme of the codebook (reserved even while the theme is not yet a
 * computed thread, so adding a case never turns a valid corpus into a conflict).
 */
export function threadConflicts(entries: readonly ParsedEntry[], themeIds: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const computed = new Set(themeIds.map(computedThreadId));
  const owner = new Map<string, { path: string; line: number }>();
  for (const e of entries) {
    for (const f of e.findings) {
      if (f.type !== 'rode-draad') continue;
      const id = authoredThreadId(e.id, f.localId);
      const at = f.at.id ?? f.position;
      const first = owner.get(id);
      if (computed.has(id)) {
        problems.push(problem('output-conflict', e.path, at, `rode draad "${f.localId}" krijgt het adres /rode-draden/${id}/, dat al hoort bij de berekende rode draad van thema "${id.slice('thema-'.length)}"`));
      } else if (first) {
        problems.push(problem('output-conflict', e.path, at, `rode draad "${f.localId}" krijgt het adres /rode-draden/${id}/, dat al hoort bij de rode draad in ${first.path}:${first.line}`));
      } else owner.set(id, { path: e.path, line: f.position.line });
    }
  }
  return problems;
}
