// Stage 6 — emit: the files written verbatim beside the pages (exports, the feed, the compare
// page's data). Each file's bytes are made when they are read, by the writer before Eleventy
// renders the pages (eleventy.js): held all at once they were hundreds of MB at 10 000 cases,
// kept until the build ended. The search index files are binary; search/eleventy.js writes them
// (pipeline/index).
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
  /** The file as UTF-8, made anew at each read (nothing is kept). */
  readonly bytes: Uint8Array;
}

/** A file whose text `make` writes when its bytes are read. */
export const lazyFile = (path: string, make: () => string): OutputFile => ({
  path,
  get bytes() {
    return Buffer.from(make(), 'utf8');
  },
});

export function emitFiles(graph: Graph, config: Pick<Config, 'siteUrl' | 'publisher' | 'root' | 'sourcesDir'>): OutputFile[] {
  const dates = gitDates(resolve(config.root, config.sourcesDir));
  const datesOf = (path: string) => datesFor(dates, config.root, config.sourcesDir, path);
  return [
    lazyFile('data/cases.json', () => casesJson(graph)),
    lazyFile('data/findings.json', () => findingsJson(graph)),
    lazyFile('data/findings.csv', () => findingsCsv(graph)),
    lazyFile('data/rode-draden.json', () => threadsJson(graph)),
    lazyFile('feed.xml', () => casesAtom(graph, { siteUrl: config.siteUrl, publisher: config.publisher, datesOf })),
    ...compareFiles(graph),
  ];
}
