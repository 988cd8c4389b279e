// Frontmatter: gray-matter splits it off, the `yaml` package parses it once with a line counter,
// so every later problem can point at the line of the field it is about.
import matter from 'gray-matter';
import { isMap } from 'yaml';
import { problem, type Problem } from '../problems.ts';
import type { Point } from '../types.ts';
import { parseYaml, type PositionedYaml } from './yaml.ts';

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
  let parsed: PositionedYaml | null = null;
  let raw = '';
  // gray-matter hands the engine the text between the fences, starting with the newline after
  // the opening `---`: line N of that string is line N of the file.
  const result = matter(text, {
    engines: {
      yaml: (s: string) => {
        raw = s;
        parsed = parseYaml(path, s, { line: 2, column: 1 });
        return parsed.problems.length ? {} : (parsed.doc.toJS() ?? {});
      },
    },
  });
  const end: Point = { line: raw.split('\n').length + 1, column: 1 };
  const y = parsed as PositionedYaml | null;
  const pointAt = y ? y.pointAt : () => ({ line: 1, column: 1 });
  const fail = (problems: Problem[]): Frontmatter => ({ data: null, pointAt, end, problems, content: result.content });
  if (!y || !text.startsWith('---')) {
    return fail([problem('frontmatter-missing', path, { line: 1, column: 1 }, 'het bestand begint niet met een frontmatter-blok tussen "---"-regels')]);
  }
  if (y.problems.length) return fail(y.problems);
  if (!isMap(y.doc.contents)) return fail([problem('yaml-syntax', path, { line: 2, column: 1 }, 'de frontmatter moet bestaan uit velden "naam: waarde"')]);
  return { data: result.data as Record<string, unknown>, pointAt, end, problems: [], content: result.content };
}
