// YAML with positions: the `yaml` package's Document and LineCounter turn a field path into the
// line and column an editor shows, and every way YAML can fail into positioned problems.
//
// The `yaml` package reports syntax errors in `doc.errors`, but unknown tags (`!!js/function`)
// only as warnings, and it *throws* from `toJS()` on an alias to a missing anchor and on an alias
// bomb ("billion laughs"). All of these become problems here; nothing is thrown. Duplicate keys
// are found with a Set per mapping: the package's own `uniqueKeys` check compares every key with
// every other (100 000 keys took 100 s).
import YAML, { isAlias, isMap, isScalar, LineCounter, type Document, type Node } from 'yaml';
import { LIMITS } from '../limits.ts';
import { problem, type Problem } from '../problems.ts';
import type { Point } from '../types.ts';
import { yamlSyntaxProblems } from './yaml-messages.ts';

export interface PositionedYaml {
  doc: Document;
  /** The plain data, or null when there are problems. */
  data: unknown;
  /** Where a field (by path) sits; falls back to the nearest existing parent, then `fallback`. */
  pointAt(path: readonly (string | number)[]): Point;
  problems: Problem[];
}

/** Aliases one document may expand; an alias bomb needs thousands, a real file none or a few. */
export const MAX_ALIAS_COUNT = 100;

export function parseYaml(file: string, text: string, fallback: Point = { line: 1, column: 1 }): PositionedYaml {
  const lineCounter = new LineCounter();
  const problems: Problem[] = [];
  const at = (offset: number): Point => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  let doc: Document;
  try {
    doc = YAML.parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, resolveKnownTags: false });
  } catch (e) {
    // not expected from the package, but content must never crash the build
    doc = new YAML.Document(null);
    problems.push(problem('yaml-syntax', file, fallback, `YAML klopt niet: ${oneLine(e)}`));
  }
  const pointAt = (path: readonly (string | number)[]): Point => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
      if (node?.range) return at(node.range[0]);
    }
    return fallback;
  };
  const deep = doc.errors.find((e) => /call stack/i.test(e.message));
  if (deep) problems.push(tooDeep(file, at(deep.pos[0])));
  else problems.push(...yamlSyntaxProblems(file, text, doc.errors, at));
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED') {
      problems.push(problem('yaml-syntax', file, at(w.pos[0]), `YAML-tag niet toegestaan: ${oneLine(w).replace(/^Unresolved tag: /, '')}`, 'Haal de tag (het woord met ! of !! ervoor) weg; schrijf de waarde als gewone tekst, tussen aanhalingstekens als dat nodig is.'));
    }
  }
  const directive = /^%/m.exec(text);
  if (directive && (doc.directives?.yaml.explicit || Object.keys(doc.directives?.tags ?? {}).length > 2)) {
    // `%YAML 1.1` switches on binary, timestamps, sets and merge keys; `%TAG` defines tags
    problems.push(problem('yaml-syntax', file, at(directive.index), 'YAML-directieven (%YAML, %TAG) zijn niet toegestaan', 'Haal de regel die met % begint weg.'));
  }
  const structure = problems.length ? null : walk(file, doc, at);
  if (structure) problems.push(...structure.problems);
  let data: unknown = null;
  if (problems.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const where = structure?.firstAlias !== undefined ? at(structure.firstAlias) : fallback;
      problems.push(
        /alias count/i.test(oneLine(e))
          ? problem('yaml-syntax', file, where, `YAML klopt niet: de verwijzingen (*naam) vermenigvuldigen zich tot meer dan ${MAX_ALIAS_COUNT} kopieën`, 'Schrijf de waarden uit in plaats van ze met &anker en *verwijzing te herhalen.')
          : /call stack/i.test(oneLine(e))
            ? tooDeep(file, fallback)
            : problem('yaml-syntax', file, where, `YAML klopt niet: ${oneLine(e)}`),
      );
    }
  }
  return { doc, data, pointAt, problems };
}

const tooDeep = (file: string, at: Point) =>
  problem('limit-nesting', file, at, `YAML is dieper genest dan ${LIMITS.yamlDepth} niveaus`, 'Schrijf de waarden als een platte lijst of als velden van één blok.');

/**
 * Unresolved aliases, duplicate keys and nesting depth, walked iteratively in document order
 * (an anchor must come before its alias), so deep nesting cannot overflow the stack.
 */
function walk(file: string, doc: Document, at: (offset: number) => Point): { problems: Problem[]; firstAlias?: number } {
  const problems: Problem[] = [];
  const anchors = new Set<string>();
  let firstAlias: number | undefined;
  const stack: [unknown, number][] = [[doc.contents, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    const n = node as Node & { anchor?: string };
    if (n.anchor) anchors.add(n.anchor);
    if (isAlias(node)) {
      firstAlias ??= node.range?.[0];
      if (!anchors.has(node.source)) {
        const name = node.source.length > 40 ? `${node.source.slice(0, 40)}…` : node.source;
        problems.push(problem('yaml-syntax', file, at(node.range?.[0] ?? 0), `YAML klopt niet: verwijzing "*${name}" naar een anker dat niet (eerder) bestaat`, 'Een *verwijzing herhaalt een eerder &anker. Schrijf de waarde uit; tekst die met * begint zet je tussen aanhalingstekens.'));
      }
      continue;
    }
    const items = (node as { items?: unknown[] }).items;
    if (!Array.isArray(items)) continue;
    if (depth >= LIMITS.yamlDepth) {
      problems.push(tooDeep(file, at(n.range?.[0] ?? 0)));
      return { problems, firstAlias };
    }
    const next: unknown[] = [];
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          if (seen.has(pair.key.value)) problems.push(problem('yaml-syntax', file, at(pair.key.range?.[0] ?? 0), `YAML klopt niet: veld "${String(pair.key.value).slice(0, 40)}" staat twee keer in hetzelfde blok`, 'Noem elk veld één keer.'));
          seen.add(pair.key.value);
        }
        next.push(pair.key, pair.value);
      }
    } else next.push(...items);
    for (let i = next.length - 1; i >= 0; i--) stack.push([next[i], depth + 1]);
  }
  return { problems, firstAlias };
}

function oneLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0];
}
