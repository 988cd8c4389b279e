// Snippets: a window of a text around its first hit, with the hits marked. A word of the text is a
// hit when its stem (or a linker variant of it, or the hyphenated word joined) is a term the query
// matched, when it ends in a query stem (a compound head), or when it starts with what is being
// typed. Rendered with textContent, never as HTML.
import { fold, normaliseWord, type Analyzer } from './analysis.ts';
import { linkerVariants } from './compounds.ts';
import type { QueryAnalysis } from './query.ts';
import type { SnippetPart } from './types.ts';

export interface Marker {
  stems: Set<string>;
  /** query stems that may end a compound ("stag" in "docentstages") */
  heads: string[];
  /** folded prefixes a word may start with */
  prefixes: string[];
}

export function marker(a: QueryAnalysis, matched: Iterable<string>): Marker {
  const stems = new Set<string>(matched);
  for (const w of a.words) stems.add(w.stem);
  return {
    stems,
    heads: a.words.map((w) => w.stem).filter((s) => s.length >= 4),
    prefixes: [...a.words.map((w) => normaliseWord(fold(w.word))).filter((p) => p.length >= 3), ...a.words.flatMap((w) => (w.modifier ? [w.modifier] : []))],
  };
}

const WORD = /[\p{L}\p{N}&'’]+(?:-[\p{L}\p{N}&'’]+)*/gu;

function isHit(tok: string, m: Marker, analyzer: Analyzer): boolean {
  const s = analyzer.stem(tok);
  if (s && (m.stems.has(s) || linkerVariants(s).some((v) => m.stems.has(v.form)) || m.heads.some((h) => s.length > h.length && s.endsWith(h)))) return true;
  const f = fold(tok);
  // another form of a base word the query has ("evaluatie" for "geëvalueerd" or "evalueren")
  const b = s && analyzer.baseStem(f);
  if (b && m.stems.has(b)) return true;
  return m.prefixes.some((p) => f.startsWith(p));
}

/** Split a text into parts with the hits marked, around the first hit (`radius` characters before it). */
export function snippet(text: string, m: Marker, analyzer: Analyzer, radius = 90): SnippetPart[] {
  const src = String(text ?? '');
  const hits: [number, number][] = [];
  for (const match of src.matchAll(WORD)) {
    const whole = match[0].replace(/['’]+$/, '');
    const at = match.index ?? 0;
    if (whole.includes('-') && isHit(whole.replace(/-/g, ''), m, analyzer)) {
      hits.push([at, at + whole.length]);
      continue;
    }
    let off = 0;
    for (const part of whole.split('-')) {
      if (part && isHit(part, m, analyzer)) hits.push([at + off, at + off + part.length]);
      off += part.length + 1;
    }
  }
  const first = hits.length ? hits[0][0] : 0;
  let start = Math.max(0, first - radius);
  let end = Math.min(src.length, Math.max(first + radius * 2, start + radius * 3));
  if (start > 0) {
    const sp = src.indexOf(' ', start);
    start = sp >= 0 && sp < first ? sp + 1 : start;
  }
  if (end < src.length) {
    const sp = src.lastIndexOf(' ', end);
    if (sp > start) end = sp;
  }
  const parts: SnippetPart[] = [];
  let pos = start;
  for (const [a, b] of hits) {
    if (b <= start || a >= end) continue;
    if (a > pos) parts.push({ text: src.slice(pos, a), hit: false });
    parts.push({ text: src.slice(Math.max(a, pos), Math.min(b, end)), hit: true });
    pos = Math.min(b, end);
  }
  if (pos < end) parts.push({ text: src.slice(pos, end), hit: false });
  if (start > 0) parts.unshift({ text: '… ', hit: false });
  if (end < src.length) parts.push({ text: ' …', hit: false });
  return parts;
}
