// The search engine over index files built in the test (no site needed), with a log of the files
// it fetched.
import { runPipeline } from '../../pipeline/build.ts';
import { makeConfig } from '../../pipeline/config.ts';
import { buildSearchIndex } from '../../pipeline/index/index.ts';
import type { LexiconRule } from '../../pipeline/index/lexicon.ts';
import type { Graph } from '../../pipeline/link/index.ts';
import { SearchEngine } from '../../search/core/engine.ts';
import type { ResultGroup } from '../../search/core/types.ts';
import { nodeAnalyzer } from '../../search/node.ts';
import { PROJECT_ROOT } from './corpus.ts';

export async function graphOf(sourcesDir = 'sources'): Promise<Graph> {
  const r = await runPipeline(makeConfig(PROJECT_ROOT, { sourcesDir }));
  if (!r.ok || !r.graph) throw new Error(`corpus ${sourcesDir} has errors`);
  return r.graph;
}

/** The index files of `graph` by their path inside the search folder (`t/3.bin`). */
/**
 * `lexicon`: synonym rules to index with (none by default; the site's: `readLexicon(PROJECT_ROOT).rules`);
 * `pieceWords`: words per piece of the word filters.
 */
export const indexFilesOf = (graph: Graph, lexicon: LexiconRule[] = [], options?: { pieceWords?: number }): Map<string, Uint8Array> =>
  new Map(buildSearchIndex(graph, lexicon, options).files.map((f) => [f.path.replace(/^search\//, ''), f.bytes]));

/** An engine over the index of `graph` (or over these files), reading the files from memory. */
export async function engineFor(graph: Graph, files = indexFilesOf(graph)): Promise<SearchEngine> {
  return SearchEngine.open(async (path) => {
    const f = files.get(path);
    if (!f) throw new Error(`no such index file: ${path}`);
    return f;
  }, nodeAnalyzer());
}

/** Group ids and their findings' ids, as a list: "page" or "page#finding". */
export const flat = (groups: ResultGroup[]): string[] => groups.flatMap((g) => [g.id, ...g.findings.map((f) => f.id)]);
