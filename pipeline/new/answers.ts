// Each answer of `npm run new` checked on its own, the moment it is given: accepted (with the
// value to write), or refused with what is wrong and, where one is close, the value meant.
import { LIMITS } from '../limits.ts';
import { isReservedId } from '../validate/site-ids.ts';
import { DOCUMENT_KINDS, ids, PROVINCES } from '../vocabulary.ts';
import { aliasesOf, suggest } from '../util/suggest.ts';
import { ID_PATTERN, slugify } from '../util/text.ts';
import type { KnownDocument, KnownPlace, NewContext } from './context.ts';

export type Checked<T> = { ok: true; value: T; note?: string } | { ok: false; message: string; suggestion?: string };

const refuse = (message: string, suggestion?: string): Checked<never> => ({ ok: false, message: suggestion ? `${message} — bedoel je "${suggestion}"?` : message, ...(suggestion ? { suggestion } : {}) });

export function checkText(answer: string, what: string): Checked<string> {
  const value = answer.trim();
  if (!value) return refuse(`${what} is verplicht`);
  if (value.length > 200) return refuse(`${what} is ${value.length} tekens; houd het onder 200`);
  return { ok: true, value };
}

/** A case id: becomes the file name and the address; unique among cases and notes. */
export function checkId(answer: string, ctx: NewContext): Checked<string> {
  const value = slugify(answer);
  if (!value) return refuse('een id bestaat uit kleine letters, cijfers en streepjes');
  if (value.length > LIMITS.idChars) return refuse(`de id heeft ${value.length} tekens; hoogstens ${LIMITS.idChars} (liefst veel minder)`);
  if (!ID_PATTERN.test(value)) return refuse('een id bestaat uit kleine letters, cijfers en streepjes');
  if (isReservedId(value)) return refuse(`"${value}" gebruikt de site zelf; kies een andere id`);
  if (ctx.takenIds.has(value)) return refuse(`${ctx.sourcesDir}/cases/${value}.md of een notitie met die naam bestaat al; kies een andere id`, freeId(value, ctx));
  return { ok: true, value, ...(value !== answer.trim() ? { note: `id wordt "${value}"` } : {}) };
}

/** `weert` taken → `weert-2`. */
export function freeId(id: string, ctx: NewContext): string {
  for (let n = 2; ; n++) if (!ctx.takenIds.has(`${id}-${n}`)) return `${id}-${n}`;
}

const provinceIds = ids(PROVINCES);
/** Names that are the province itself (label, synonyms): accepted as they are. */
const provinceNames = aliasesOf(PROVINCES.map(({ id, label, synoniemen }) => ({ id, label, synoniemen })));
/** Also forms that only point at one ("Zeeuws", "Twente"): suggested, not accepted. */
const provinceForms = aliasesOf(PROVINCES);

export function checkProvince(answer: string): Checked<string> {
  const slug = slugify(answer);
  if (!slug) return refuse(`kies een provincie: ${provinceIds.join(', ')}`);
  const named = provinceIds.includes(slug) ? slug : provinceNames.get(slug);
  if (named) return { ok: true, value: named };
  return refuse(`"${answer.trim()}" is geen provincie (${provinceIds.join(', ')})`, suggest(answer, provinceIds, provinceForms));
}

export function checkDocument(answer: string, documents: readonly KnownDocument[]): Checked<string> {
  const id = answer.trim();
  if (!id) return refuse('het brondocument is verplicht');
  if (documents.some((d) => d.id === id)) return { ok: true, value: id };
  const known = documents.map((d) => d.id);
  return refuse(`"${id}" staat niet in documents.yml`, suggest(id, known, aliasesOf(documents.map((d) => ({ id: d.id, label: d.titel })))));
}

export function checkDocumentKind(answer: string): Checked<string> {
  const kinds = ids(DOCUMENT_KINDS);
  const slug = slugify(answer);
  if (kinds.includes(slug)) return { ok: true, value: slug };
  return refuse(`"${answer.trim()}" is geen soort document (${kinds.join(', ')})`, suggest(answer, kinds, aliasesOf(DOCUMENT_KINDS)));
}

export function checkYear(answer: string): Checked<number> {
  const year = Number(answer.trim());
  if (!Number.isInteger(year) || year < 1990 || year > 2100) return refuse('schrijf het jaar van verschijnen als getal, bijvoorbeeld 2024');
  return { ok: true, value: year };
}

export function checkUrl(answer: string): Checked<string> {
  const value = answer.trim();
  if (!value) return { ok: true, value: '' };
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return { ok: true, value };
  } catch {
    /* refused below */
  }
  return refuse('een webadres begint met https:// of http:// (of laat het leeg)');
}

/** Latitude or longitude inside the Netherlands (the bounds places.yml accepts). */
export function checkCoordinate(answer: string, which: 'lat' | 'lon'): Checked<number> {
  const n = Number(answer.trim().replace(',', '.'));
  const [min, max] = which === 'lat' ? [50.7, 53.6] : [3.3, 7.3];
  if (!Number.isFinite(n) || n < min || n > max) return refuse(`${which === 'lat' ? 'breedtegraad' : 'lengtegraad'} tussen ${min} en ${max}, als decimaal getal (bijvoorbeeld ${which === 'lat' ? '51.33' : '3.83'})`);
  return { ok: true, value: n };
}

/** One place answer: an id or a name from places.yml, or a place that is not there yet. */
export type PlaceAnswer = { known: KnownPlace } | { unknown: string; suggestion?: string };

export function checkPlace(answer: string, places: readonly KnownPlace[]): PlaceAnswer {
  const slug = slugify(answer);
  const known = places.find((p) => p.id === slug || slugify(p.naam) === slug);
  if (known) return { known };
  const near = suggest(answer, places.map((p) => p.id), aliasesOf(places.map((p) => ({ id: p.id, label: p.naam }))));
  return { unknown: slug, ...(near ? { suggestion: near } : {}) };
}
