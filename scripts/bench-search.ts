// Search benchmark on a built site, ours side by side with Pagefind 1.5.2 over the same case and
// note pages: bytes fetched for a first query (scripts and index files, as transferred: gzip),
// bytes for ten more queries, and query time p50/p95 (Node, index loaded). `benchSearch(site)`
// returns JSON; scripts/bench.ts calls it per corpus size.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { SearchEngine } from '../search/core/engine.ts';
import { nodeAnalyzer } from '../search/node.ts';
import { PAGEFIND_BASE, servePagefindFrom, writePagefindIndex } from './pagefind-site.ts';

/** The first query, then ten more: words of the synthetic corpus, a province, a town, an abbreviation. */
export const BENCH_QUERIES = ['stage', 'docenten', 'vervoer bus', 'lob', 'rooster', 'Limburg', 'samenwerking bestuur', 'examen', 'leerlingen begeleiding', 'weert', 'ouders betrekken'];
/** A first query as written and with a typing error (a letter dropped), for the bytes a correction costs. */
export const BENCH_TYPO = { right: 'samenwerking bestuur', typo: 'samenwerkng bestuur' };
/** Results shown for a query (our groups; Pagefind results whose fragments are loaded). */
const SHOWN = 10;

/** Bytes a host sends for a file: text formats gzipped, our .bin files and Pagefind's files are gzipped already. */
function transferBytes(path: string, raw: Uint8Array): number {
  return /\.(js|json|css|html|mjs)$/.test(path) ? gzipSync(raw).length : raw.length;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))] * 100) / 100;
};

export interface EngineBench {
  firstQueryBytes: number;
  tenMoreBytes: number;
  requestsFirst: number;
  requestsTenMore: number;
  queryP50Ms: number;
  queryP95Ms: number;
}

/** Bytes (as transferred, with the two scripts) and files a fresh engine fetches for one first query. */
async function firstQuery(site: string, q: string): Promise<{ bytes: number; requests: number; corrected: boolean }> {
  let bytes = 0;
  let requests = 2;
  for (const js of ['assets/js/search.js', 'assets/js/search-worker.js']) {
    const p = join(site, js);
    if (existsSync(p)) bytes += transferBytes(p, readFileSync(p));
  }
  const engine = await SearchEngine.open(async (path) => {
    const raw = new Uint8Array(readFileSync(join(site, 'search', path)));
    bytes += transferBytes(path, raw);
    requests++;
    return raw;
  }, nodeAnalyzer());
  const r = await engine.search({ q, filters: {} }, SHOWN);
  return { bytes, requests, corrected: !!r.correction };
}

async function ours(site: string): Promise<EngineBench & { indexBytes: number; files: number; typo: { right: Awaited<ReturnType<typeof firstQuery>>; typo: Awaited<ReturnType<typeof firstQuery>> } }> {
  let bytes = 0;
  let requests = 0;
  const load = async (path: string) => {
    const raw = new Uint8Array(readFileSync(join(site, 'search', path)));
    bytes += transferBytes(path, raw);
    requests++;
    return raw;
  };
  for (const js of ['assets/js/search.js', 'assets/js/search-worker.js']) {
    const p = join(site, js);
    if (existsSync(p)) bytes += transferBytes(p, readFileSync(p));
  }
  const [first, ...more] = BENCH_QUERIES;
  const engine = await SearchEngine.open(load, nodeAnalyzer());
  await engine.search({ q: first, filters: {} }, SHOWN);
  const firstQueryBytes = bytes;
  const requestsFirst = requests + 2;
  for (const q of more) await engine.search({ q, filters: {} }, SHOWN);
  const times: number[] = [];
  for (let rep = 0; rep < 5; rep++)
    for (const q of BENCH_QUERIES) {
      const t0 = performance.now();
      await engine.search({ q, filters: {} }, SHOWN);
      times.push(performance.now() - t0);
    }
  const files = walk(join(site, 'search'));
  return {
    firstQueryBytes,
    tenMoreBytes: bytes - firstQueryBytes,
    requestsFirst,
    requestsTenMore: requests + 2 - requestsFirst,
    queryP50Ms: pct(times, 0.5),
    queryP95Ms: pct(times, 0.95),
    indexBytes: files.reduce((n, f) => n + transferBytes(f, readFileSync(f)), 0),
    files: files.length,
    typo: { right: await firstQuery(site, BENCH_TYPO.right), typo: await firstQuery(site, BENCH_TYPO.typo) },
  };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

async function pagefind(site: string): Promise<EngineBench> {
  const out = await writePagefindIndex(site, 'kb-bench-pagefind-');
  let bytes = transferBytes('pagefind.js', readFileSync(join(out, 'pagefind.js')));
  let requests = 1;
  const restore = servePagefindFrom(out, (path, raw) => {
    bytes += transferBytes(path, raw);
    requests++;
  });
  try {
    // a fresh module instance per site (pagefind.js keeps its state in the module)
    const api = await import(`${pathToFileURL(join(out, 'pagefind.js')).href}?site=${encodeURIComponent(site)}`);
    await api.options({ basePath: PAGEFIND_BASE, baseUrl: '/' });
    const run = async (q: string) => {
      const r = await api.search(q);
      await Promise.all(r.results.slice(0, SHOWN).map((x: { data(): Promise<unknown> }) => x.data()));
    };
    const [first, ...more] = BENCH_QUERIES;
    await run(first);
    const firstQueryBytes = bytes;
    const requestsFirst = requests;
    for (const q of more) await run(q);
    const times: number[] = [];
    for (let rep = 0; rep < 5; rep++)
      for (const q of BENCH_QUERIES) {
        const t0 = performance.now();
        await api.search(q);
        times.push(performance.now() - t0);
      }
    return { firstQueryBytes, tenMoreBytes: bytes - firstQueryBytes, requestsFirst, requestsTenMore: requests - requestsFirst, queryP50Ms: pct(times, 0.5), queryP95Ms: pct(times, 0.95) };
  } finally {
    restore();
    rmSync(out, { recursive: true, force: true });
  }
}

interface BenchRow {
  n: number;
  pipeline: { stages?: Record<string, number> };
  search: Awaited<ReturnType<typeof benchSearch>>;
}

/** The search table of `npm run bench`: per corpus size ours beside Pagefind, and the index stage time. */
export function searchTable(rows: BenchRow[]): string {
  const kb = (b: number) => `${Math.round(b / 1024)} KB`;
  const lines = [
    `| N | first query: ours / Pagefind | ten more: ours / Pagefind | query p50 / p95, ours | query p50 / p95, Pagefind | index stage | first query “${BENCH_TYPO.right}” / with a typo |`,
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const o = r.search.ours;
    const p = r.search.pagefind;
    lines.push(`| ${r.n} | ${kb(o.firstQueryBytes)} / ${kb(p.firstQueryBytes)} | ${kb(o.tenMoreBytes)} / ${kb(p.tenMoreBytes)} | ${o.queryP50Ms} / ${o.queryP95Ms} ms | ${p.queryP50Ms} / ${p.queryP95Ms} ms | ${((r.pipeline.stages?.index ?? 0) / 1000).toFixed(1)} s | ${kb(o.typo.right.bytes)} / ${kb(o.typo.typo.bytes)}${o.typo.typo.corrected ? '' : ' (not corrected)'} |`);
  }
  return lines.join('\n');
}

export async function benchSearch(site: string): Promise<{ ours: Awaited<ReturnType<typeof ours>>; pagefind: EngineBench; queries: string[] }> {
  return { ours: await ours(site), pagefind: await pagefind(site), queries: BENCH_QUERIES };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const site = process.argv[2];
  if (!site) {
    process.stderr.write('gebruik: node --import tsx scripts/bench-search.ts <gebouwde site>\n');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(await benchSearch(site), null, 2)}\n`);
}
