// YAML with positions: the `yaml` package's Document and LineCounter turn a field path into the
// line and column an editor shows, and parse errors into positioned problems.
import YAML, { LineCounter, type Document, type Node } from 'yaml';
import { problem, type Problem } from '../problems.ts';
import type { Point } from '../types.ts';

export interface PositionedYaml {
  doc: Document;
  /** Where a field (by path) sits; falls back to the nearest existing parent, then `fallback`. */
  pointAt(path: readonly (string | number)[]): Point;
  problems: Problem[];
}

export function parseYaml(file: string, text: string, fallback: Point = { line: 1, column: 1 }): PositionedYaml {
  const lineCounter = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Point => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const problems = doc.errors.map((e) => problem('yaml-syntax', file, at(e.pos[0]), `YAML klopt niet: ${e.message.split('\n')[0]}`));
  const pointAt = (path: readonly (string | number)[]): Point => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
      if (node?.range) return at(node.range[0]);
    }
    return fallback;
  };
  return { doc, pointAt, problems };
}
