// Text from templates/case.md that an author has not replaced yet. Every placeholder in the
// template carries a marker — "VUL IN" for a value to fill in, "VOORBEELD" for an example finding,
// `{{naam}}` for what `npm run new` fills — so it is still recognised after the author edited the
// rest of the file, or part of the placeholder itself. Markers are upper case: the ordinary words
// "voorbeeld" and "vul in" in a real text are never taken for one.
import { problem, type Problem } from '../problems.ts';
import type { Point } from '../types.ts';
import { LineIndex } from '../util/text.ts';

const MARKER = /\b(?:VUL IN|VOORBEELD)\b|\{\{\s*[a-z]+\s*\}\}/;

export const isPlaceholder = (value: unknown): boolean => typeof value === 'string' && MARKER.test(value);

const excerpt = (s: string) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 50 ? `${one.slice(0, 50)}…` : one;
};

/** Every string in the frontmatter that still holds a placeholder, at its own position. */
export function frontmatterPlaceholders(path: string, data: Record<string, unknown>, pointAt: (p: (string | number)[]) => Point): Problem[] {
  const out: Problem[] = [];
  const visit = (value: unknown, at: (string | number)[]) => {
    if (isPlaceholder(value)) {
      const name = at.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
      out.push(problem('placeholder', path, pointAt(at), `${name}: "${excerpt(value as string)}" is tekst uit het sjabloon`, 'Vervang de waarde door je eigen tekst (zonder VUL IN); weet je hem niet, vraag het na bij het leerlab of haal de regel weg als het veld optioneel is.'));
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...at, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, [...at, k]);
  };
  visit(data, []);
  return out;
}

/** Placeholders in the markdown after the frontmatter; HTML comments (the template's help) are skipped. */
export function bodyPlaceholders(path: string, text: string): Problem[] {
  const fm = /^---[ \t]*\n(?:[^\n]*\n)*?---[ \t]*(?:\n|$)/.exec(text);
  const start = fm ? fm[0].length : 0;
  const masked = text.slice(start).replace(/<!--[\s\S]*?(?:-->|$)/g, (c) => c.replace(/[^\n]/g, ' '));
  const lines = new LineIndex(text);
  const out: Problem[] = [];
  let offset = start;
  for (const line of masked.split('\n')) {
    const m = MARKER.exec(line);
    if (m) {
      const at = lines.point(offset + m.index);
      const shown = excerpt(text.slice(offset + m.index, offset + line.length).replace(/\s*\{[^{}]*\}\s*$/, ''));
      if (/^\s*(?:[-*+]|\d+[.)])\s/.test(line)) {
        out.push(problem('placeholder', path, at, `voorbeeldbevinding uit het sjabloon: "${shown}"`, 'Vervang het lijstitem door een eigen bevinding (met eigen id en thema\'s), of verwijder het.'));
      } else {
        out.push(problem('placeholder', path, at, `tekst uit het sjabloon: "${shown}"`, 'Vervang de tekst door je eigen tekst, of verwijder hem.'));
      }
    }
    offset += line.length + 1;
  }
  return out;
}
