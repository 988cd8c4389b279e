// Pagefind 1.5.2 over a built site's case and note pages, run in Node: the index written to a
// temporary folder, and pagefind.js's fetches of its chunks answered from that folder — for the
// search evaluation (`eval-engines.ts`) and the search bench (`bench-search.ts`).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The address pagefind.js is told its files live under (never fetched from the network). */
export const PAGEFIND_BASE = 'http://pagefind.invalid/';

/** Index the case and note pages of `site` with Pagefind (Dutch); returns the new folder holding the index. */
export async function writePagefindIndex(site: string, prefix: string): Promise<string> {
  const pagefind = await import('pagefind');
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'nl' });
    if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: site, glob: '{cases,notities}/*/index.html' });
    if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    await index.writeFiles({ outputPath: dir });
    await pagefind.close();
    return dir;
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Answer fetches under PAGEFIND_BASE from `dir` (other fetches go through), telling `onFile` each
 * file served. Returns the function that puts the real fetch back.
 */
export function servePagefindFrom(dir: string, onFile?: (path: string, bytes: Buffer) => void): () => void {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(PAGEFIND_BASE)) return realFetch(input, init);
    const path = url.slice(PAGEFIND_BASE.length).split('?')[0];
    const raw = readFileSync(join(dir, path));
    onFile?.(path, raw);
    return new Response(raw);
  }) as typeof fetch;
  return () => {
    globalThis.fetch = realFetch;
  };
}
