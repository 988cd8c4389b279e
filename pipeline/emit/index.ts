// Stage 6 — emit: the data Eleventy renders and the files it writes verbatim (exports, index).
import type { Config } from '../config.ts';
import type { SearchData } from '../index/index.ts';
import type { Graph } from '../link/index.ts';
import { casesAtom, casesJson, findingsCsv, findingsJson, threadsJson } from './formats.ts';

export { casesAtom, casesJson, findingsCsv, findingsJson, threadsJson } from './formats.ts';

export interface OutputFile {
  /** Path inside the output folder, e.g. `data/cases.json`. */
  path: string;
  content: string;
}

export function emitFiles(graph: Graph, search: SearchData, config: Pick<Config, 'siteUrl'>): OutputFile[] {
  return [
    { path: 'data/cases.json', content: casesJson(graph) },
    { path: 'data/findings.json', content: findingsJson(graph) },
    { path: 'data/findings.csv', content: findingsCsv(graph) },
    { path: 'data/rode-draden.json', content: threadsJson(graph) },
    { path: 'feed.xml', content: casesAtom(graph, config.siteUrl) },
    { path: 'search/index.json', content: JSON.stringify(search.index) },
    { path: 'search/docs.json', content: JSON.stringify({ docs: search.docs, vocab: search.vocab }) },
  ];
}
