// Stage 6 — emit: the data Eleventy renders and the files it writes verbatim (exports). The search
// index files are binary; search/eleventy.js writes them (pipeline/index).
import { resolve } from 'node:path';
import type { Config } from '../config.ts';
import type { Graph } from '../link/index.ts';
import { casesAtom } from './atom.ts';
import { datesFor, gitDates } from './dates.ts';
import { casesJson, findingsCsv, findingsJson, threadsJson } from './formats.ts';

export { casesJson, findingsCsv, findingsJson, threadsJson } from './formats.ts';
export { casesAtom } from './atom.ts';

export interface OutputFile {
  /** Path inside the output folder, e.g. `data/cases.json`. */
  path: string;
  content: string;
}

export function emitFiles(graph: Graph, config: Pick<Config, 'siteUrl' | 'publisher' | 'root' | 'sourcesDir'>): OutputFile[] {
  const dates = gitDates(resolve(config.root, config.sourcesDir));
  const datesOf = (path: string) => datesFor(dates, config.root, config.sourcesDir, path);
  return [
    { path: 'data/cases.json', content: casesJson(graph) },
    { path: 'data/findings.json', content: findingsJson(graph) },
    { path: 'data/findings.csv', content: findingsCsv(graph) },
    { path: 'data/rode-draden.json', content: threadsJson(graph) },
    { path: 'feed.xml', content: casesAtom(graph, { siteUrl: config.siteUrl, publisher: config.publisher, datesOf }) },
  ];
}
