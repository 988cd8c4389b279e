// Frontmatter problems (zod issues, unknown fields, split list items), positioned and in Dutch with the fix.
import type { z } from 'zod';
import { idTooLong } from '../parse/limits.ts';
import { problem, type Problem } from '../problems.ts';
import { isPlaceholder } from '../parse/placeholders.ts';
import { didYouMean, type Aliases } from '../util/suggest.ts';

type PointAt = (path: readonly (string | number)[]) => { line: number; column: number };

const TYPE_NL: Record<string, string> = { string: 'tekst', number: 'een getal', array: 'een lijst', object: 'een blok met velden', record: 'een blok met velden', boolean: 'ja/nee' };

export function fieldName(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}

/**
 * A field as an author finds it: in a data file that is a list (documents.yml, places.yml), the
 * item is named by its id ("soort" van "oorsprong-leerlabs") instead of its index ("[0].soort").
 */
function fieldLabel(data: unknown, path: readonly PropertyKey[]): string {
  const id = typeof path[0] === 'number' ? valueAt(data, [path[0], 'id']) : undefined;
  if (typeof id !== 'string' || id === '' || path.length < 2) return fieldName(path) || 'frontmatter';
  return `${fieldName(path.slice(1))}" van "${id}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const k of path) v = v == null ? undefined : (v as Record<PropertyKey, unknown>)[k];
  return v;
}

/** The allowed values of a field, and the other names they go by (for "bedoel je …?"). */
export type AllowedFor = (path: readonly PropertyKey[]) => { values: string[]; aliases?: Aliases } | undefined;

export function zodProblems(file: string, data: unknown, error: z.ZodError, pointAt: PointAt, allowed: AllowedFor): Problem[] {
  const out: Problem[] = [];
  for (const issue of error.issues) {
    const path = issue.path as PropertyKey[];
    const at = pointAt(path as (string | number)[]);
    const name = fieldLabel(data, path);
    const value = valueAt(data, path);
    // template text is reported once, as such (parse/placeholders.ts), not as a wrong value too
    if (isPlaceholder(value)) continue;
    if (value === undefined && issue.code !== 'unrecognized_keys' && path.length > 0) {
      const key = String(path.at(-1));
      const values = allowed(path)?.values;
      const where = typeof path[0] === 'number' ? 'aan dit item' : 'aan de frontmatter (zie templates/case.md)';
      out.push(problem('field-required', file, at, `verplicht veld "${name}" ontbreekt`, `Voeg "${key}: …" toe ${where}${values ? `; toegestaan: ${values.join(', ')}` : ''}.`));
    } else if (issue.code === 'invalid_type') {
      out.push(problem('field-type', file, at, `veld "${name}" moet ${TYPE_NL[issue.expected] ?? issue.expected} zijn`, issue.expected === 'array' ? `Schrijf een lijst: ${String(path.at(-1))}: [a, b].` : undefined));
    } else if (issue.code === 'invalid_value') {
      const values = (issue.values as unknown[]).map(String);
      out.push(problem('field-value', file, at, `"${String(value)}" is geen toegestane waarde voor "${name}" ${didYouMean(String(value), values, allowed(path)?.aliases)}`.trim(), `Toegestaan: ${values.join(', ')}.`));
    } else if (issue.code === 'too_small' && Array.isArray(value)) {
      out.push(problem('field-required', file, at, `"${name}" mag niet leeg zijn`, 'Noem minstens één waarde.'));
    } else if (issue.code === 'too_small' && typeof value === 'string') {
      out.push(problem('field-required', file, at, `"${name}" is leeg`, 'Vul een waarde in.'));
    } else if (issue.code === 'invalid_format' && issue.message === 'level') {
      out.push(problem('field-value', file, at, `niveau "${String(value)}" heeft niet de vorm "vmbo-bb → mbo-2"`, 'Schrijf "vmbo-XX → mbo-N" met XX = bb, kb, gl, tl of gl/tl en N = 1 tot 4.'));
    } else if (issue.code === 'unrecognized_keys') {
      // only `afgeleid` (field → why) is checked for its keys
      const known = allowed(path)?.values ?? [];
      for (const key of issue.keys) {
        out.push(problem('inferred-field', file, pointAt([...path, key] as (string | number)[]), `"${key}" in "${name}" is geen veld dat afgeleid kan zijn ${didYouMean(key, known)}`.trim(), `Velden die afgeleid kunnen zijn: ${known.join(', ')}.`));
      }
    } else if (issue.code === 'too_big' && issue.message === 'id-length') {
      out.push(idTooLong(file, at, `id "${String(value).slice(0, 20)}…"`, String(value).length));
    } else if (issue.message === 'url') {
      out.push(problem('field-value', file, at, `"${String(value).slice(0, 60)}" is geen webadres`, 'Schrijf een adres dat met https:// of http:// begint.'));
    } else if (issue.code === 'invalid_format' && issue.message === 'id') {
      out.push(problem('invalid-id', file, at, `id "${String(value)}" mag alleen kleine letters, cijfers en streepjes bevatten`));
    } else {
      const extra = allowed(path)?.values;
      out.push(problem('field-value', file, at, `veld "${name}": ${issue.message}`, extra ? `Toegestaan: ${extra.join(', ')}.` : undefined));
    }
  }
  return out;
}

export function unknownKeyProblems(file: string, data: Record<string, unknown>, known: string[], pointAt: PointAt): Problem[] {
  return Object.keys(data)
    .filter((k) => !known.includes(k))
    .map((k) => problem('field-unknown', file, pointAt([k]), `onbekend veld "${k}" ${didYouMean(k, known)}`.trim(), `Bekende velden: ${known.join(', ')}.`));
}

/** Free-text list items with unbalanced brackets: an unquoted comma in a [ ] list split one item in two. */
export function splitItemProblems(file: string, data: Record<string, unknown>, pointAt: PointAt): Problem[] {
  const out: Problem[] = [];
  const visit = (value: unknown, at: (string | number)[]) => {
    if (Array.isArray(value)) value.forEach((v, i) => (typeof v === 'string' ? check(v, [...at, i]) : visit(v, [...at, i])));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, [...at, k]);
  };
  const check = (item: string, at: (string | number)[]) => {
    const depth = (open: string, close: string) => item.split(open).length - item.split(close).length;
    if (depth('(', ')') !== 0 || depth('[', ']') !== 0) {
      out.push(problem('list-item-split', file, pointAt(at), `${at.filter((x) => typeof x === 'string').join('.')}: "${item}" heeft een haakje zonder partner; een komma binnen [ ] splitst het item`));
    }
  };
  visit(data, []);
  return out;
}
