// Frontmatter: gray-matter splits it off, the `yaml` package parses it once with a line counter,
// so every later problem can point at the line of the field it is about.
import matter from 'gray-matter';
import YAML, { LineCounter, isMap, type Document, type Node } from 'yaml';
import { problem, type Problem } from '../problems.ts';
import type { Point } from '../types.ts';

export interface Frontmatter {
  /** The data, or null when the file has no frontmatter or it does not parse. */
  data: Record<string, unknown> | null;
  /** Where a field (by path) sits in the file; falls back to the nearest existing parent. */
  pointAt(path: readonly (string | number)[]): Point;
  /** Where the value of a top-level key ends (for "add a field here" messages). */
  end: Point;
  problems: Problem[];
  /** The markdown after the frontmatter. */
  content: string;
}

export function parseFrontmatter(path: string, text: string): Frontmatter {
  const problems: Problem[] = [];
  const lineCounter = new LineCounter();
  let doc: Document | null = null;
  let raw = '';
  // gray-matter hands the engine the text between the fences, starting with the newline after
  // the opening `---`: line N of that string is line N of the file.
  const result = matter(text, {
    engines: {
      yaml: (s: string) => {
        raw = s;
        doc = YAML.parseDocument(s, { lineCounter, prettyErrors: false, uniqueKeys: true });
        return doc.errors.length ? {} : (doc.toJS() ?? {});
      },
    },
  });
  const fmLines = raw.split('\n').length;
  const end: Point = { line: fmLines + 1, column: 1 };
  const fallback: Point = { line: 1, column: 1 };

  const pointAt = (p: readonly (string | number)[]): Point => {
    if (!doc) return fallback;
    for (let n = p.length; n >= 0; n--) {
      const node = doc.getIn(p.slice(0, n), true) as Node | undefined;
      if (node && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return { line: 2, column: 1 };
  };

  const d = doc as Document | null;
  if (!d || !text.startsWith('---')) {
    problems.push(problem('frontmatter-missing', path, fallback, 'het bestand begint niet met een frontmatter-blok tussen "---"-regels'));
    return { data: null, pointAt, end, problems, content: result.content };
  }
  if (d.errors.length) {
    for (const e of d.errors) {
      const pos = lineCounter.linePos(e.pos[0]);
      const reason = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      problems.push(problem('yaml-syntax', path, { line: pos.line, column: pos.col }, `YAML klopt niet: ${reason}`));
    }
    return { data: null, pointAt, end, problems, content: result.content };
  }
  if (!isMap(d.contents)) {
    problems.push(problem('yaml-syntax', path, { line: 2, column: 1 }, 'de frontmatter moet bestaan uit velden "naam: waarde"'));
    return { data: null, pointAt, end, problems, content: result.content };
  }
  return { data: result.data as Record<string, unknown>, pointAt, end, problems, content: result.content };
}
