// Stage 2 — parse: one remark parse per markdown file (positions kept) plus its frontmatter.
// The same tree feeds the findings, the sanitized HTML and the search text.
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { kB, LIMITS } from '../limits.ts';
import { problem, type Problem } from '../problems.ts';
import type { Collection, SourceFile } from '../types.ts';
import { squash } from '../util/text.ts';
import { extractFindings, type RawFinding } from './findings.ts';
import { parseFrontmatter, type Frontmatter } from './frontmatter.ts';
import { toHtml } from './html.ts';
import { findingLimitProblems, markdownLimitProblems } from './limits.ts';
import { bodyPlaceholders, frontmatterPlaceholders } from './placeholders.ts';
import { parseYaml } from './yaml.ts';

export { toHtml } from './html.ts';
export { deriveId, headingType, HEADING_BY_TYPE, type RawFinding } from './findings.ts';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

export interface ParsedEntry {
  path: string;
  collection: Collection;
  /** The file name without `.md`. */
  id: string;
  frontmatter: Frontmatter;
  findings: RawFinding[];
  /** False when a limit kept the markdown from being parsed: it has no findings to check. */
  bodyParsed: boolean;
  proseHtml: string;
  proseText: string;
  problems: Problem[];
}

/**
 * One markdown file: text in, parsed entry and problems out (pure; nothing is thrown). The cheap
 * limit checks run first: a file that breaks one is not parsed as markdown at all.
 */
export function parseEntry(file: SourceFile, collection: Collection): ParsedEntry {
  const id = file.path.replace(/^.*\//, '').replace(/\.md$/, '');
  const limits = markdownLimitProblems(file.path, file.text);
  const tooBig = limits.some((p) => p.ruleId === 'limit-file-size');
  const frontmatter = parseFrontmatter(file.path, tooBig ? '' : file.text);
  if (tooBig) frontmatter.problems = [];
  const entry = { path: file.path, collection, id, frontmatter, findings: [] as RawFinding[], proseHtml: '', proseText: '' };
  if (limits.length) return { ...entry, bodyParsed: false, problems: [...limits, ...frontmatter.problems] };
  const tree = parser.parse(file.text) as Root;
  const body = extractFindings(file.path, file.text, tree);
  const placeholders = [...(frontmatter.data ? frontmatterPlaceholders(file.path, frontmatter.data, frontmatter.pointAt) : []), ...bodyPlaceholders(file.path, file.text)];
  return {
    ...entry,
    bodyParsed: true,
    findings: body.findings,
    proseHtml: toHtml(body.prose),
    proseText: squash(body.prose.map((n) => toString(n)).join(' ')),
    problems: [...frontmatter.problems, ...placeholders, ...body.problems, ...findingLimitProblems(file.path, body.findings)],
  };
}

/** A YAML data file (codebook, documents, places) with positions for its problems. */
export interface ParsedData {
  path: string;
  data: unknown;
  pointAt(path: readonly (string | number)[]): { line: number; column: number };
  problems: Problem[];
}

export function parseDataFile(file: SourceFile): ParsedData {
  const bytes = Buffer.byteLength(file.text, 'utf8');
  if (bytes > LIMITS.dataFileBytes) {
    return { path: file.path, data: null, pointAt: () => ({ line: 1, column: 1 }), problems: [problem('limit-file-size', file.path, { line: 1, column: 1 }, `het bestand is ${kB(bytes)} groot; hoogstens ${kB(LIMITS.dataFileBytes)}`)] };
  }
  const { data, pointAt, problems } = parseYaml(file.path, file.text);
  return { path: file.path, data, pointAt, problems };
}
