// The attribute block that ends a finding: `{id: reistijd-bus; thema: vervoer-en-afstand, lob}`.
// Keys are separated by `;`, the values of a key by `,`. Independent of the markdown parser:
// it reads the block's text and reports positions through the file's line index.
import { problem, type Problem } from '../problems.ts';
import type { Point } from '../types.ts';
import { didYouMean } from '../util/suggest.ts';
import { fold, type LineIndex } from '../util/text.ts';

export const ATTRIBUTE_KEYS = ['id', 'thema', 'sectie', 'bron', 'steunt', 'titel'] as const;
export type AttributeKey = (typeof ATTRIBUTE_KEYS)[number];
const KEY_ALIASES: Record<string, AttributeKey> = { themas: 'thema', "thema's": 'thema', themes: 'thema', section: 'sectie', title: 'titel' };

/** The block at the very end of a paragraph's source: `{…}` with no braces inside. */
export const ATTR_RE = /\{([^{}]*)\}\s*$/;

/** A value of a list attribute (`thema`, `steunt`) and where it starts. */
export interface ListValue {
  value: string;
  at: Point;
}

export interface AttributeBlock {
  attrs: Partial<Record<AttributeKey, string>>;
  /** Where each key starts. */
  at: Partial<Record<AttributeKey, Point>>;
  /** The values of `thema` and `steunt`, each with its own position. */
  lists: { thema: ListValue[]; steunt: ListValue[] };
  problems: Problem[];
}

/** Own-property lookup: a key such as "constructor" must not find Object's members. */
const own = <T>(table: Record<string, T>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

/** Comma-separated values with the offset of each, trimmed and without empty ones. */
function splitValues(value: string, offset: number): { value: string; offset: number }[] {
  const out: { value: string; offset: number }[] = [];
  let cursor = 0;
  for (const part of value.split(',')) {
    const lead = part.length - part.trimStart().length;
    if (part.trim()) out.push({ value: part.trim(), offset: offset + cursor + lead });
    cursor += part.length + 1;
  }
  return out;
}

/**
 * Read the inside of an attribute block. `inner` is the text between the braces and `offset` the
 * position of its first character in the file.
 */
export function readAttributes(path: string, inner: string, offset: number, lines: LineIndex): AttributeBlock {
  const block: AttributeBlock = { attrs: {}, at: {}, lists: { thema: [], steunt: [] }, problems: [] };
  let cursor = 0;
  for (const part of inner.split(';')) {
    const partStart = offset + cursor;
    const partOffset = partStart + (part.length - part.trimStart().length);
    cursor += part.length + 1;
    if (!part.trim()) continue;
    const colon = part.indexOf(':');
    const point = lines.point(partOffset);
    if (colon < 0) {
      block.problems.push(problem('finding-attributes', path, point, `"${part.trim()}" is geen kenmerk in de vorm "naam: waarde"`, 'Schrijf kenmerken als {thema: a, b; id: c}, gescheiden door ";".'));
      continue;
    }
    const rawKey = fold(part.slice(0, colon).trim());
    const key = (ATTRIBUTE_KEYS as readonly string[]).includes(rawKey) ? (rawKey as AttributeKey) : own(KEY_ALIASES, rawKey);
    if (!key) {
      block.problems.push(problem('finding-attributes', path, point, `onbekend kenmerk "${rawKey}" ${didYouMean(rawKey, ATTRIBUTE_KEYS)}`.trim(), `Toegestaan: ${ATTRIBUTE_KEYS.join(', ')}.`));
      continue;
    }
    if (block.attrs[key] !== undefined) {
      block.problems.push(problem('finding-attributes', path, point, `kenmerk "${key}" staat twee keer in dezelfde bevinding`, 'Noem elk kenmerk één keer; meerdere waarden scheid je met komma\'s.'));
      continue;
    }
    const raw = part.slice(colon + 1);
    block.attrs[key] = raw.trim();
    block.at[key] = point;
    if (key === 'thema' || key === 'steunt') {
      block.lists[key] = splitValues(raw, partStart + colon + 1).map((v) => ({ value: v.value, at: lines.point(v.offset) }));
    }
  }
  return block;
}
