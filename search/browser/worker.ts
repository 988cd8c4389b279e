// The search worker: lunr with the Dutch stemmer, the engine and the index live here, off the
// page's main thread. The page posts { id, state, limit, themes }; the worker answers
// { id, result } or { id, error }. The index is fetched from /search/: meta.json revalidated on
// every start (so it always matches the files it names), the other files with the build hash as
// cache key.
import lunr from 'lunr';
import nl from 'lunr-languages/lunr.nl.js';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import { createAnalyzer, type LunrNl } from '../core/analysis.ts';
import { SearchEngine } from '../core/engine.ts';
import type { SearchState } from '../core/types.ts';

stemmerSupport(lunr);
nl(lunr);

interface Request {
  id: number;
  state: SearchState;
  limit: number;
  /** count the theme facet even when its column is large */
  themes?: boolean;
}

const scope = self as unknown as { postMessage(message: unknown): void; onmessage: ((e: MessageEvent<Request>) => void) | null; location: Location };
const base = new URL('/search/', scope.location.href);
let build = '';
let engine: Promise<SearchEngine> | null = null;

async function load(path: string): Promise<Uint8Array> {
  const meta = path === 'meta.json';
  const res = await fetch(new URL(meta ? path : `${path}?v=${build}`, base), meta ? { cache: 'no-cache' } : {});
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

function open(): Promise<SearchEngine> {
  if (!engine) {
    engine = SearchEngine.open(load, createAnalyzer(lunr as unknown as LunrNl)).then((e) => {
      build = e.meta.build;
      return e;
    });
    engine.catch(() => (engine = null));
  }
  return engine;
}

scope.onmessage = async (e) => {
  const { id, state, limit, themes } = e.data;
  try {
    const result = await (await open()).search(state, limit, { themes: !!themes });
    scope.postMessage({ id, result });
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
