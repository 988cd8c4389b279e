// The search in Node: lunr with lunr-languages' Dutch support (the browser bundles the same
// packages into the worker), and the engine over a built site's index files on disk — for the
// index build, the tests, the evaluation and the benchmark.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import lunr from 'lunr';
import { createAnalyzer, type Analyzer, type LunrNl } from './core/analysis.ts';
import { SearchEngine } from './core/engine.ts';

const require = createRequire(import.meta.url);
require('lunr-languages/lunr.stemmer.support')(lunr);
require('lunr-languages/lunr.nl')(lunr);

export { lunr };

/** One analyzer for the process: its stem memo (bounded) carries over between builds of the dev server. */
const shared = createAnalyzer(lunr as unknown as LunrNl);
export const nodeAnalyzer = (): Analyzer => shared;

/** The engine over `<site>/search/`, reading files as the worker fetches them. */
export function openSiteEngine(site: string): Promise<SearchEngine> {
  return SearchEngine.open((path) => readFile(join(site, 'search', path)).then((b) => new Uint8Array(b)), nodeAnalyzer());
}
