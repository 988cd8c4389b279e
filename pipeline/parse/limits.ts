// The limit checks that need only a file's text (before remark parses it) or its raw findings.
import { kB, LIMITS, nl } from '../limits.ts';
import { problem, type Problem } from '../problems.ts';

const MARKUP = new Set(['*', '_', '[', ']', '`', '<']);

/**
 * The cheap checks on a markdown file's text, before remark parses it: size, nesting depth (an
 * upper bound from each line's markers and indentation), list items and quotes (remark's time
 * grows with the square of their number: 4 000 one-item lists took 5.7 s) and markup characters.
 * The YAML block at the top is skipped: remark does not parse it as markdown.
 */
export function markdownLimitProblems(path: string, text: string): Problem[] {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > LIMITS.fileBytes) {
    return [problem('limit-file-size', path, { line: 1, column: 1 }, `het bestand is ${kB(bytes)} groot; hoogstens ${kB(LIMITS.fileBytes)}`)];
  }
  const problems: Problem[] = [];
  const fm = /^---[ \t]*\n(?:[^\n]*\n)*?---[ \t]*(?:\n|$)/.exec(text);
  let line = fm ? fm[0].split('\n').length - (fm[0].endsWith('\n') ? 1 : 0) : 0;
  let markup = 0;
  let containers = 0;
  let nestingReported = false;
  for (const content of text.slice(fm ? fm[0].length : 0).split('\n')) {
    line++;
    const { markers, columns } = lineStart(content);
    const depth = markers + Math.floor(columns / 2);
    if (depth > LIMITS.nesting && !nestingReported) {
      problems.push(problem('limit-nesting', path, { line, column: 1 }, `deze regel is ${depth} niveaus diep genest of ingesprongen; hoogstens ${LIMITS.nesting}`));
      nestingReported = true;
    }
    if (containers <= LIMITS.listItems && (containers += markers) > LIMITS.listItems) {
      problems.push(problem('limit-list-items', path, { line, column: 1 }, `meer dan ${LIMITS.listItems} lijstitems en citaten (>) in dit bestand`));
    }
    for (let i = 0; i < content.length && markup <= LIMITS.markupChars; i++) {
      if (MARKUP.has(content[i]) && ++markup > LIMITS.markupChars) {
        problems.push(problem('limit-markup', path, { line, column: i + 1 }, `meer dan ${nl(LIMITS.markupChars)} opmaaktekens (* _ [ ] \` <) in dit bestand`));
      }
    }
  }
  return problems;
}

/**
 * An upper bound for the nesting depth of a line: every `>` and list marker opens a level, and a
 * nested level needs at least two columns of indentation more than its parent.
 */
export function nestingOf(line: string): number {
  const { markers, columns } = lineStart(line);
  return markers + Math.floor(columns / 2);
}

/** The container markers (`>`, list markers) and columns of white space a line starts with. */
function lineStart(line: string): { markers: number; columns: number } {
  let columns = 0;
  let markers = 0;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === ' ') columns++;
    else if (c === '\t') columns += 4 - (columns % 4);
    else if (c === '>') markers++;
    else if ((c === '-' || c === '*' || c === '+') && (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) markers++;
    else {
      const m = /^\d{1,9}[.)](?=[ \t]|$)/.exec(line.slice(i, i + 11));
      if (!m) break;
      markers++;
      i += m[0].length;
      continue;
    }
    i++;
  }
  return { markers, columns };
}

/** Checks on the parsed findings of one file: how many, and how long each one is. */
export function findingLimitProblems(path: string, findings: readonly { text: string; localId: string; position: { line: number; column: number }; at: { id?: { line: number; column: number } } }[]): Problem[] {
  const problems: Problem[] = [];
  if (findings.length > LIMITS.findingsPerFile) {
    problems.push(problem('limit-findings', path, findings[LIMITS.findingsPerFile].position, `${findings.length} bevindingen in één bestand; hoogstens ${LIMITS.findingsPerFile}`));
  }
  for (const f of findings) {
    if (f.text.length > LIMITS.findingChars) problems.push(problem('limit-finding-length', path, f.position, `deze bevinding heeft ${nl(f.text.length)} tekens; hoogstens ${nl(LIMITS.findingChars)}`));
    if (f.localId.length > LIMITS.idChars) problems.push(idTooLong(path, f.at.id ?? f.position, `bevinding-id "${f.localId.slice(0, 20)}…"`, f.localId.length));
  }
  return problems;
}

export function idTooLong(path: string, at: { line: number; column: number } | undefined, what: string, length: number): Problem {
  return problem('limit-id-length', path, at, `${what} heeft ${length} tekens; hoogstens ${LIMITS.idChars}`);
}
