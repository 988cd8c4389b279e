// Frontmatter: gray-matter splits it off, the `yaml` package parses it once with a line counter,
// so every later problem can point at the line of the field it is about.
//
// Only YAML is read. gray-matter ships engines for other languages (a file opening with `---js`
// is run through `eval`), so a language marker after the opening `---` is refused before
// gray-matter sees the file, and every engine gray-matter could pick is replaced by one that
// refuses. Options are always passed, so gray-matter's module-wide cache is neither read nor
// written (it would keep every file ever parsed in memory, and hand back another call's result).
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

class RefusedEngine extends Error {}
const refuse = () => {
  throw new RefusedEngine('only YAML frontmatter is read');
};
/** Every engine name gray-matter knows or aliases, each refusing; `yaml` is set per call. */
const REFUSING_ENGINES = Object.fromEntries(['js', 'javascript', 'coffee', 'coffeescript', 'cson', 'json', 'toml', 'yml', 'yaml'].map((name) => [name, { parse: refuse, stringify: refuse }]));

/** The text after an opening `---` on the first line (`---js` → `js`), or '' when there is none. */
export function fenceLanguage(text: string): string {
  if (!text.startsWith('---')) return '';
  const eol = text.indexOf('\n');
  return (eol < 0 ? text.slice(3) : text.slice(3, eol)).trim();
}

export function parseFrontmatter(path: string, text: string): Frontmatter {
  const language = fenceLanguage(text);
  if (language && !/^-+$/.test(language)) {
    const shown = language.length > 20 ? `${language.slice(0, 20)}…` : language;
    return {
      data: null,
      pointAt: () => ({ line: 1, column: 1 }),
      end: { line: 2, column: 1 },
      problems: [
        problem('frontmatter-language', path, { line: 1, column: 4 }, `de frontmatter is als "${shown}" gemarkeerd; alleen YAML wordt gelezen`, 'Begin het bestand met een regel met alleen "---" en schrijf de velden in YAML ("naam: waarde").'),
      ],
      content: '',
    };
  }
  let parsed: PositionedYaml | null = null;
  let raw = '';
  // gray-matter hands the engine the text between the fences, starting with the newline after
  // the opening `---`: line N of that string is line N of the file.
  const yamlEngine = (s: string) => {
    raw = s;
    parsed = parseYaml(path, s, { line: 2, column: 1 });
    return parsed.problems.length || !parsed.data || typeof parsed.data !== 'object' ? {} : parsed.data;
  };
  const result = matter(text, { language: 'yaml', engines: { ...REFUSING_ENGINES, yaml: { parse: yamlEngine, stringify: refuse } } });
  const end: Point = { line: raw.split('\n').length + 1, column: 1 };
  const y = parsed as PositionedYaml | null;
  const pointAt = y ? y.pointAt : () => ({ line: 1, column: 1 });
  const fail = (problems: Problem[]): Frontmatter => ({ data: null, pointAt, end, problems, content: result.content });
  if (!y || !text.startsWith('---')) {
    return fail([problem('frontmatter-missing', path, { line: 1, column: 1 }, 'het bestand begint niet met een frontmatter-blok tussen "---"-regels')]);
  }
  if (text.slice(3).indexOf('\n---') < 0) return fail([unclosed(path, text, y.problems)]);
  if (y.problems.length) return fail(y.problems);
  if (!isMap(y.doc.contents)) return fail([problem('yaml-syntax', path, { line: 2, column: 1 }, 'de frontmatter moet bestaan uit velden "naam: waarde"')]);
  return { data: y.data as Record<string, unknown>, pointAt, end, problems: [], content: result.content };
}

/**
 * A frontmatter without its closing `---`: the whole file was read as YAML. The closing line
 * belongs before the first line that is not YAML, less the blank lines and headings (`## …`,
 * which YAML reads as comments) in front of it.
 */
function unclosed(path: string, text: string, yamlProblems: readonly Problem[]): Problem {
  const lines = text.split('\n');
  let line = yamlProblems.length ? Math.min(...yamlProblems.map((p) => p.line)) : lines.length + 1;
  while (line > 2 && (lines[line - 2].trim() === '' || /^#+\s/.test(lines[line - 2]))) line--;
  let k = line - 1;
  while (k < lines.length - 1 && !lines[k].trim()) k++;
  const next = lines[k]?.trim();
  const before = next ? `, vóór "${next.length > 40 ? `${next.slice(0, 40)}…` : next}"` : '';
  return problem('frontmatter-unclosed', path, { line, column: 1 }, 'de frontmatter wordt niet afgesloten', `Sluit de frontmatter af met een regel --- (regel ${line}${before}).`);
}
