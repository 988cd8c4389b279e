// Stage 6 — emit: the data Eleventy renders and the files it writes verbatim (exports). The search
// index files are binary; search/eleventy.js writes them (pipeline/index).
import { resolve } from 'node:path';
import type { Config } from '../config.ts';
import type { Graph } from '../link/index.ts';
import { casesAtom } from './atom.ts';
import { compareFiles } from './compare.ts';
import { datesFor, gitDates } from './dates.ts';
import { casesJson, findingsCsv, findingsJson, threadsJson } from './formats.ts';

export { casesJson, findingsCsv, findingsJson, threadsJson } from './formats.ts';
export { casesAtom } from './atom.ts';

export interface OutputFile {
  /** Path inside the output folder, e.g. `data/cases.json`. */
  path: string;
  /** The file as UTF-8: half the memory of the same text as a string (at 10 000 cases, hundreds of MB). */
  bytes: Uint8Array;
}

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');

export function emitFiles(graph: Graph, config: Pick<Config, 'siteUrl' | 'publisher' | 'root' | 'sourcesDir'>): OutputFile[] {
  const dates = gitDates(resolve(config.root, config.sourcesDir));
  const datesOf = (path: string) => datesFor(dates, config.root, config.sourcesDir, path);
  return [
    { path: 'data/cases.json', bytes: utf8(casesJson(graph)) },
    { path: 'data/findings.json', bytes: utf8(findingsJson(graph)) },
    { path: 'data/findings.csv', bytes: utf8(findingsCsv(graph)) },
    { path: 'data/rode-draden.json', bytes: utf8(threadsJson(graph)) },
    { path: 'feed.xml', bytes: utf8(casesAtom(graph, { siteUrl: config.siteUrl, publisher: config.publisher, datesOf })) },
    ...compareFiles(graph),
  ];
}
