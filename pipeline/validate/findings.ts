// Checks on single findings that need more than their own text: references between findings
// (`steunt`) and the short title of a rode draad (`titel`).
import type { RawFinding } from '../parse/index.ts';
import { problem, type Problem } from '../problems.ts';
import type { Point } from '../types.ts';
import { suggest } from '../util/suggest.ts';

/** The longest `titel` of a rode draad: it heads cards, pages and browser tabs. */
export const THREAD_TITLE_MAX = 80;

const TYPE_NAME: Record<RawFinding['type'], string> = { knelpunt: 'een knelpunt', succesfactor: 'een succesfactor', les: 'een les', 'rode-draad': 'een rode draad' };

export function threadTitleProblems(path: string, raw: RawFinding): Problem[] {
  if (raw.titel === undefined) return [];
  const at = raw.at.titel ?? raw.position;
  if (raw.type !== 'rode-draad') {
    return [problem('thread-title', path, at, `"titel" bij ${TYPE_NAME[raw.type]}: alleen een rode draad krijgt een eigen titel`, 'Haal "titel: …" weg; een knelpunt, succesfactor of les staat op de site onder haar eigen tekst.')];
  }
  if (!raw.titel) return [problem('thread-title', path, at, 'lege titel', 'Schrijf een korte titel na "titel:", of haal het kenmerk weg: dan maakt de kennisbank een titel uit de tekst.')];
  const length = [...raw.titel].length;
  if (length > THREAD_TITLE_MAX) {
    return [problem('thread-title', path, at, `de titel heeft ${length} tekens; hoogstens ${THREAD_TITLE_MAX}`, 'Een titel is een paar woorden die de draad samenvatten; de uitleg staat in de tekst zelf.')];
  }
  return [];
}

/**
 * A `steunt` reference that names no finding. Without `#` the reference is looked up in the
 * thread's own file; the author usually meant another file's finding (`alfa-bus` for `alfa#bus`),
 * so the suggestion tries the intended form first, then a near miss.
 */
export function referenceProblem(path: string, ownerId: string, ref: string, at: Point, exists: (id: string) => boolean, all: readonly string[]): Problem {
  const fix = 'Verwijs naar een bevinding in een ander bestand als <case-id>#<bevinding-id>, met een #; zonder # zoekt de kennisbank in dit bestand.';
  if (ref.includes('#')) {
    const near = suggest(ref, all);
    return problem('unknown-finding', path, at, `bevinding "${ref}" bestaat niet${near ? ` — bedoel je "${near}"?` : ''}`, fix);
  }
  const meant = intendedForm(ref, exists, all) ?? suggest(`${ownerId}#${ref}`, all);
  return problem('unknown-finding', path, at, `bevinding "${ref}" bestaat niet in ${ownerId}${meant ? ` — bedoel je "${meant}"?` : ''}`, fix);
}

/** `alfa-bus` → `alfa#bus` when that finding exists; else the one finding elsewhere with id `bus`. */
function intendedForm(ref: string, exists: (id: string) => boolean, all: readonly string[]): string | undefined {
  for (let i = ref.indexOf('-'); i > 0; i = ref.indexOf('-', i + 1)) {
    const candidate = `${ref.slice(0, i)}#${ref.slice(i + 1)}`;
    if (exists(candidate)) return candidate;
  }
  const elsewhere = all.filter((id) => id.endsWith(`#${ref}`));
  return elsewhere.length === 1 ? elsewhere[0] : undefined;
}
