// The YAML parser's syntax errors, turned into what an author should do. The parser's own words
// stay with each problem as its detail. One mistake gives one message: a tab used for indenting
// confuses the parser about every line after it, so only the tabs are reported then, and
// follow-up errors on the same line are dropped.
import { problem, type Problem } from '../problems.ts';
import type { Point } from '../types.ts';

export interface YamlSyntaxError {
  code: string;
  message: string;
  pos: [number, number];
}

const firstLine = (s: string) => s.split('\n')[0];
/** A YAML double-quoted string: safe for any value an author writes on one line. */
const dq = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** `key: value` on one line (optionally a list item's key), with the column the value starts at. */
const FIELD = /^(\s*(?:-\s+)?)([^\s:#][^:#]*?):(\s+)(.*)$/;

/**
 * Translate the parser's errors. `text` is the YAML as parsed, `at` turns an offset in it into a
 * position in the file.
 */
export function yamlSyntaxProblems(file: string, text: string, errors: readonly YamlSyntaxError[], at: (offset: number) => Point): Problem[] {
  const lines = text.split('\n');
  const lineStarts: number[] = [0];
  for (const l of lines) lineStarts.push(lineStarts.at(-1)! + l.length + 1);
  const lineOf = (offset: number) => {
    let i = 0;
    while (i + 1 < lineStarts.length && lineStarts[i + 1] <= offset) i++;
    return i;
  };
  const tabs = errors.filter((e) => e.code === 'TAB_AS_INDENT');
  const chosen = tabs.length ? tabs : errors;
  const out: Problem[] = [];
  const seenLines = new Set<number>();
  for (const e of chosen) {
    const n = lineOf(e.pos[0]);
    if (seenLines.has(n)) continue;
    seenLines.add(n);
    out.push(translate(file, e, n, lines, lineStarts, at));
  }
  return out;
}

function translate(file: string, e: YamlSyntaxError, n: number, lines: string[], lineStarts: number[], at: (offset: number) => Point): Problem {
  const detail = firstLine(e.message);
  const line = lines[n] ?? '';
  const here = at(e.pos[0]);
  const p = (message: string, fix: string, where: Point = here) => problem('yaml-syntax', file, where, message, fix, detail);

  if (e.code === 'TAB_AS_INDENT') {
    return p('deze regel springt in met een tab', 'Spring in met spaties (twee per niveau): YAML staat geen tabs toe aan het begin van een regel.');
  }
  if (e.code === 'BLOCK_AS_IMPLICIT_KEY' || /nested mappings/i.test(e.message)) {
    const f = FIELD.exec(line);
    if (f && /:\s/.test(`${f[4]} `)) {
      const value = f[4].trim();
      return p(`de waarde van "${f[2].trim()}" bevat een dubbele punt met een spatie erna, en YAML leest dat als een nieuw veld`, `Zet de waarde tussen aanhalingstekens: ${f[2].trim()}: ${dq(value)}`);
    }
    const name = f?.[2].trim() ?? 'dit veld';
    return p(`de waarde van "${name}" loopt door op de volgende regel en bevat daar een dubbele punt`, `Zet de hele waarde tussen aanhalingstekens, of begin een nieuw veld op een eigen regel zonder in te springen.`);
  }
  if (e.code === 'MISSING_CHAR' && /quote/i.test(e.message)) return unclosedQuote(file, e, n, lines, lineStarts, at, detail);
  if (e.code === 'UNEXPECTED_TOKEN' && /scalar at node end/i.test(e.message)) {
    const f = FIELD.exec(line);
    if (f && /^'/.test(f[4].trim())) {
      const inner = f[4].trim().replace(/^'|'$/g, '');
      return p(`een apostrof in de waarde van "${f[2].trim()}" sluit de tekst tussen enkele aanhalingstekens af`, `Gebruik dubbele aanhalingstekens: ${f[2].trim()}: ${dq(inner)}`);
    }
    return p('na de waarde staat nog tekst die YAML niet verwacht', 'Zet de hele waarde tussen aanhalingstekens.');
  }
  if (e.code === 'BAD_SCALAR_START') {
    const f = FIELD.exec(line);
    const ch = /character (\S)/.exec(e.message)?.[1] ?? line.trim()[0];
    return p(`een waarde kan in YAML niet met "${ch}" beginnen`, f ? `Zet de waarde tussen aanhalingstekens: ${f[2].trim()}: ${dq(f[4].trim())}` : 'Zet de waarde tussen aanhalingstekens.');
  }
  if (e.code === 'BAD_INDENT' && /flow (sequence|map)/i.test(e.message)) {
    const [open, close, what] = /sequence/i.test(e.message) ? ['[', ']', 'lijst'] : ['{', '}', 'reeks'];
    // the line where the bracket was opened
    let k = n;
    while (k > 0 && !lines[k].includes(open)) k--;
    const col = Math.max(0, lines[k].indexOf(open));
    return p(`de ${what} die met ${open} begint, wordt niet gesloten met ${close}`, `Sluit de ${what} op dezelfde regel af met ${close}; een item met een komma of ${close} erin zet je tussen aanhalingstekens.`, at(lineStarts[k] + col));
  }
  if (e.code === 'BAD_INDENT') {
    return p('deze regel springt anders in dan de velden erboven', 'Laat velden van hetzelfde blok even ver inspringen, met spaties.');
  }
  if (e.code === 'MULTILINE_IMPLICIT_KEY' || e.code === 'MISSING_CHAR' || e.code === 'UNEXPECTED_TOKEN') {
    const glued = /^(\s*)([A-Za-z][\w-]*):(\S.*)$/.exec(line);
    if (glued) return p(`na "${glued[2]}:" ontbreekt een spatie`, `Schrijf ${glued[2]}: ${glued[3]}`);
    if (/^\s*-/.test(line)) return p('dit lijstitem hoort bij geen veld', 'Zet het lijstitem direct onder een veld zonder waarde ("plaatsen:"), ingesprongen met spaties, of schrijf de lijst als [a, b].');
    return p('deze regel is geen veld in de vorm "naam: waarde"', 'Begin de regel met een veldnaam en ": "; hoort de tekst bij het veld erboven, spring dan in met spaties of zet de waarde tussen aanhalingstekens.');
  }
  return p('de YAML klopt hier niet', 'Controleer inspringing (spaties), dubbele punten en aanhalingstekens; een waarde met ": " of een # zet je tussen aanhalingstekens.');
}

/** A quote that is never closed: point at the field where it opens, not where the parser gave up. */
function unclosedQuote(file: string, e: YamlSyntaxError, n: number, lines: string[], lineStarts: number[], at: (offset: number) => Point, detail: string): Problem {
  const quote = /'/.test(e.message) ? "'" : '"';
  for (let k = Math.min(n, lines.length - 1); k >= 0; k--) {
    const f = FIELD.exec(lines[k]);
    if (!f || !f[4].startsWith(quote)) continue;
    const name = f[2].trim();
    const where = at(lineStarts[k] + f[1].length + f[2].length + 1 + f[3].length);
    if (quote === "'") {
      return problem('yaml-syntax', file, where, `de waarde van "${name}" begint met een apostrof, en YAML leest die als het begin van een tekst tussen aanhalingstekens`, `Zet de waarde tussen dubbele aanhalingstekens: ${name}: ${dq(f[4].trim())}`, detail);
    }
    return problem('yaml-syntax', file, where, `het aanhalingsteken na "${name}:" wordt niet gesloten`, `Sluit de waarde af met " op dezelfde regel; een " in de tekst zelf schrijf je als \\".`, detail);
  }
  return problem('yaml-syntax', file, at(e.pos[0]), `een aanhalingsteken (${quote}) wordt niet gesloten`, 'Sluit elke waarde die met een aanhalingsteken begint af met hetzelfde teken, op dezelfde regel.', detail);
}
