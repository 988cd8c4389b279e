// The query sets of the search evaluation and their expected ids. A query lists expected ids by
// hand (`expect`) and/or by a rule (`match`) evaluated on the current content, so expectations
// survive rewording and re-tagging of the sources:
//   findings: { themes?: all of these tags, anyTheme?: at least one, text?: regex over the folded text }
//   pages:    { province?: [...], place?: [...], text?: regex over title, summary and prose,
//               summary?: regex over title and summary }
//   ids:      extra ids by hand
// Text is folded (lower case, no diacritics) before the regex runs, so rules are written folded.
import { readFileSync } from 'node:fs';
import type { Graph } from '../pipeline/link/index.ts';
import { fold } from '../search/core/analysis.ts';

export interface QueryRule {
  findings?: { themes?: string[]; anyTheme?: string[]; text?: string };
  pages?: { province?: string[]; place?: string[]; text?: string; summary?: string };
  ids?: string[];
}

export interface QuerySpec {
  q: string;
  kind: string;
  /** ids by hand: a case or note id, or a finding id `page#anchor` */
  expect?: string[];
  match?: QueryRule;
  rule?: string;
}

export interface ResolvedQuery {
  q: string;
  kind: string;
  /** expected ids, sorted: hand-listed ones and those the rule selects */
  expect: string[];
}

export function readQueries(path: string): QuerySpec[] {
  const data = JSON.parse(readFileSync(path, 'utf8')) as { queries: QuerySpec[] };
  return data.queries;
}

/** Expected ids of each query on this graph; throws with every rule that is broken or selects nothing. */
export function resolveQueries(specs: QuerySpec[], graph: Graph): ResolvedQuery[] {
  const known = new Set<string>([...graph.cases.map((c) => c.id), ...graph.notes.map((n) => n.id), ...graph.findings.map((f) => f.id)]);
  const pageText = new Map<string, string>([...graph.cases, ...graph.notes].map((p) => [p.id, fold(`${p.title}\n${p.summary}\n${p.proseText}`)]));
  const pageSummary = new Map<string, string>([...graph.cases, ...graph.notes].map((p) => [p.id, fold(`${p.title}\n${p.summary}`)]));
  const problems: string[] = [];
  const out = specs.map((s) => {
    const ids = new Set(s.expect ?? []);
    const m = s.match;
    if (m?.findings) {
      const { themes = [], anyTheme = [], text } = m.findings;
      const re = text ? new RegExp(text) : null;
      for (const f of graph.findings) {
        if (!themes.every((t) => f.themes.includes(t))) continue;
        if (anyTheme.length && !anyTheme.some((t) => f.themes.includes(t))) continue;
        if (re && !re.test(fold(f.text))) continue;
        ids.add(f.id);
      }
    }
    if (m?.pages) {
      const { province = [], place = [], text, summary } = m.pages;
      for (const c of graph.cases) if (province.includes(c.meta.provincie) || c.meta.plaatsen.some((p) => place.includes(p))) ids.add(c.id);
      for (const [re, texts] of [[text, pageText], [summary, pageSummary]] as const) if (re) for (const [id, t] of texts) if (new RegExp(re).test(t)) ids.add(id);
    }
    for (const id of m?.ids ?? []) ids.add(id);
    const unknown = [...ids].filter((id) => !known.has(id));
    if (unknown.length) problems.push(`"${s.q}": onbekende ids ${unknown.join(', ')}`);
    if (s.kind !== 'niets' && !ids.size) problems.push(`"${s.q}": de regel selecteert niets meer (${s.rule ?? 'geen regel'})`);
    if (s.kind === 'niets' && ids.size) problems.push(`"${s.q}": hoort niets te vinden maar verwacht ${[...ids].join(', ')}`);
    return { q: s.q, kind: s.kind, expect: [...ids].sort() };
  });
  if (problems.length) throw new Error(`de queryset past niet meer bij de bronnen:\n  ${problems.join('\n  ')}`);
  return out;
}
