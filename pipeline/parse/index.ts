// Stage 2 — parse: one remark parse per markdown file (positions kept) plus its frontmatter.
// The same tree feeds the findings, the sanitized HTML and the search text.
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Problem } from '../problems.ts';
import type { Collection, SourceFile } from '../types.ts';
import { squash } from '../util/text.ts';
import { extractFindings, type RawFinding } from './findings.ts';
import { parseFrontmatter, type Frontmatter } from './frontmatter.ts';
import { toHtml } from './html.ts';
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
  proseHtml: string;
  proseText: string;
  problems: Problem[];
}

export function parseEntry(file: SourceFile, collection: Collection): ParsedEntry {
  const id = file.path.replace(/^.*\//, '').replace(/\.md$/, '');
  const frontmatter = parseFrontmatter(file.path, file.text);
  const tree = parser.parse(file.text) as Root;
  const body = extractFindings(file.path, file.text, tree);
  return {
    path: file.path,
    collection,
    id,
    frontmatter,
    findings: body.findings,
    proseHtml: toHtml(body.prose),
    proseText: squash(body.prose.map((n) => toString(n)).join(' ')),
    problems: [...frontmatter.problems, ...body.problems],
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
  const { doc, pointAt, problems } = parseYaml(file.path, file.text);
  return { path: file.path, data: problems.length ? null : doc.toJS(), pointAt, problems };
}
