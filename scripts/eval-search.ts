// Search evaluation: the query set in test/search-queries.json, scored as recall@5 and MRR for
//   1. our search (search-core.js on the packed index the site ships, the browser's code path),
//   2. Pagefind 1.5.2 (its Node API indexes the built site's case and note pages; its own
//      pagefind.js queries the written bundle in Node, with fetch served from disk),
//   3. default lunr (English pipeline, same units and fields and boosts, no folding, no synonyms).
// Prints a table and writes test-output/eval-search.json.
//
//   npm run eval:search [-- --site DIR] [--sources DIR] [--verbose]
//   --site DIR: use an existing build (default: build the site into a temporary folder first).
//
// Scoring. Each result covers ids: a case or note covers its own id; a finding covers its own id
// and its page's id; a Pagefind page result covers the page's id and, split like Pagefind's own
// sub-results, the finding whose anchor region holds its hits (up to three findings per page, each
// its own result). recall@5 = share of the expected ids (at most 5 counted) covered by the top 5;
// reciprocal rank = 1 / rank of the first result covering an expected id (top 10, else 0).
// A query that should find nothing scores 1 on both when there are 0 results, else 0.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import lunrPlain from 'lunr';
import { makeConfig } from '../pipeline/config.ts';
import { runPipeline } from '../pipeline/build.ts';
import { FIELD_BOOSTS, lunr, searchUnits } from '../pipeline/index/index.ts';
import { createEngine, search } from '../site/assets/js/search-core.js';

interface Query {
  q: string;
  kind: string;
  expect: string[];
  heldOut?: boolean;
}
interface Result {
  /** ids this result covers */
  covers: string[];
  /** id shown in the report */
  id: string;
}
interface Scored {
  q: string;
  kind: string;
  recall: number;
  rr: number;
  count: number;
  top: string[];
}

const root = process.cwd();
const { values: args } = parseArgs({ options: { site: { type: 'string' }, sources: { type: 'string' }, verbose: { type: 'boolean', default: false } } });

function score(queries: Query[], run: (q: string) => Result[]): Scored[] {
  return queries.map(({ q, kind, expect }) => {
    const results = run(q);
    if (!expect.length) {
      const ok = results.length === 0 ? 1 : 0;
      return { q, kind, recall: ok, rr: ok, count: results.length, top: results.slice(0, 5).map((r) => r.id) };
    }
    const top5 = results.slice(0, 5);
    const found = expect.filter((e) => top5.some((r) => r.covers.includes(e)));
    const recall = Math.min(1, found.length / Math.min(expect.length, 5));
    const first = results.slice(0, 10).findIndex((r) => r.covers.some((c) => expect.includes(c)));
    return { q, kind, recall, rr: first < 0 ? 0 : 1 / (first + 1), count: results.length, top: top5.map((r) => r.id) };
  });
}
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const summary = (rows: Scored[]) => ({ recall5: mean(rows.map((r) => r.recall)), mrr: mean(rows.map((r) => r.rr)) });

async function main() {
  const queries: Query[] = JSON.parse(readFileSync(join(root, 'test/search-queries.json'), 'utf8')).queries;
  const sourcesDir = args.sources ?? 'sources';

  // the built site (ours and Pagefind read it)
  let site = args.site ? resolve(args.site) : '';
  let tmpSite = '';
  if (!site) {
    tmpSite = mkdtempSync(join(tmpdir(), 'kb-eval-site-'));
    site = join(tmpSite, 'site');
    process.stdout.write(`site bouwen in ${site} …\n`);
    execFileSync(process.execPath, ['--import', 'tsx', 'pipeline/cli.ts', 'build', '--sources', sourcesDir, '--out', site, '--quiet'], { cwd: root, stdio: 'inherit' });
  }
  if (!existsSync(join(site, 'search/index.json'))) throw new Error(`geen zoekindex in ${site}: bouw de site eerst`);

  // the units and fields (for default lunr and to check the query set's ids)
  const result = await runPipeline(makeConfig(root, { sourcesDir }));
  if (!result.ok || !result.graph) throw new Error('de bronnen hebben fouten: npm run check');
  const { docs: unitDocs, rows } = searchUnits(result.graph);
  const unitId = (i: number): string => {
    const d = unitDocs[i];
    return d.k === 'f' ? `${unitDocs[d.o!].id}#${d.a}` : d.id!;
  };
  const covers = (i: number): string[] => {
    const d = unitDocs[i];
    return d.k === 'f' ? [unitId(i), unitDocs[d.o!].id!] : [d.id!];
  };
  const known = new Set(unitDocs.map((_, i) => unitId(i)));
  const unknown = queries.flatMap((q) => q.expect.filter((e) => !known.has(e)).map((e) => `${q.q}: ${e}`));
  if (unknown.length) throw new Error(`de queryset noemt ids die niet bestaan:\n  ${unknown.join('\n  ')}`);

  // 1. ours: the shipped files, loaded the way the browser loads them
  const packed = JSON.parse(readFileSync(join(site, 'search/index.json'), 'utf8'));
  const store = JSON.parse(readFileSync(join(site, 'search/docs.json'), 'utf8'));
  const engine = createEngine(lunr, packed, store);
  const times: number[] = [];
  const ours = score(queries, (q) => {
    const t0 = performance.now();
    const r = search(engine, q);
    times.push(performance.now() - t0);
    return r.hits.map((d: { id: string; owner: { id: string } | null }) => ({ id: d.id, covers: d.owner ? [d.id, d.owner.id] : [d.id] }));
  });
  // second pass for timings without warm-up effects
  times.length = 0;
  for (const { q } of queries) {
    const t0 = performance.now();
    search(engine, q);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);

  // 3. default lunr: English pipeline, same units, fields and boosts
  const plain = lunrPlain(function () {
    this.ref('ref');
    for (const [f, boost] of Object.entries(FIELD_BOOSTS)) this.field(f, boost === 1 ? {} : { boost });
    for (const r of rows) this.add(r);
  });
  const plainRun = (q: string): Result[] => {
    const terms = lunrPlain.tokenizer(q).map((t) => t.toString().replace(/[:^~*+]/g, '')).filter(Boolean);
    if (!terms.length) return [];
    return plain.query((qq) => terms.forEach((t) => qq.term(t, {}))).map((r) => ({ id: unitId(Number(r.ref)), covers: covers(Number(r.ref)) }));
  };
  const defaultLunr = score(queries, plainRun);

  // 2. Pagefind on the built case and note pages
  const pagefind = await runPagefind(site, queries, unitDocs, unitId);

  const table = [
    { engine: 'deze zoekfunctie (lunr nl + core)', ...summary(ours) },
    { engine: 'Pagefind 1.5.2', ...summary(pagefind) },
    { engine: 'lunr standaard (Engels)', ...summary(defaultLunr) },
  ];
  const kinds = [...new Set(queries.map((q) => q.kind))];
  const byKind = Object.fromEntries(
    kinds.map((k) => [k, { n: queries.filter((q) => q.kind === k).length, ours: summary(ours.filter((r) => r.kind === k)), pagefind: summary(pagefind.filter((r) => r.kind === k)), lunr: summary(defaultLunr.filter((r) => r.kind === k)) }]),
  );
  const held = queries.map((q, i) => (q.heldOut ? i : -1)).filter((i) => i >= 0);
  const heldOut = { n: held.length, ours: summary(held.map((i) => ours[i])), pagefind: summary(held.map((i) => pagefind[i])), lunr: summary(held.map((i) => defaultLunr[i])) };
  const p = (x: number) => x.toFixed(3);
  const pct = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];

  process.stdout.write(`\n${queries.length} queries (${kinds.map((k) => `${k} ${byKind[k].n}`).join(', ')})\n\n`);
  process.stdout.write(`| zoekmachine                        | recall@5 | MRR   |\n|------------------------------------|----------|-------|\n`);
  for (const r of table) process.stdout.write(`| ${r.engine.padEnd(34)} | ${p(r.recall5).padEnd(8)} | ${p(r.mrr)} |\n`);
  process.stdout.write(`\nper soort (recall@5 / MRR):\n`);
  for (const k of kinds) {
    const b = byKind[k];
    process.stdout.write(`  ${k.padEnd(11)} n=${String(b.n).padEnd(3)} ons ${p(b.ours.recall5)}/${p(b.ours.mrr)}  pagefind ${p(b.pagefind.recall5)}/${p(b.pagefind.mrr)}  lunr ${p(b.lunr.recall5)}/${p(b.lunr.mrr)}\n`);
  }
  if (held.length) process.stdout.write(`  ${'niet afgestemd'.padEnd(11)} n=${String(held.length).padEnd(3)} ons ${p(heldOut.ours.recall5)}/${p(heldOut.ours.mrr)}  pagefind ${p(heldOut.pagefind.recall5)}/${p(heldOut.pagefind.mrr)}  lunr ${p(heldOut.lunr.recall5)}/${p(heldOut.lunr.mrr)}  (toegevoegd na het afstemmen van de gewichten)\n`);
  process.stdout.write(`\nzoektijd (Node, ${times.length} queries): mediaan ${pct(0.5).toFixed(2)} ms, p95 ${pct(0.95).toFixed(2)} ms\n`);
  const misses = ours.filter((r) => r.recall < 1 || r.rr < 1);
  if (misses.length) {
    process.stdout.write(`\nniet perfect bij ons:\n`);
    for (const m of misses) process.stdout.write(`  "${m.q}" recall@5 ${p(m.recall)} RR ${p(m.rr)} (${m.count}) top: ${m.top.join(', ')}\n`);
  }
  if (args.verbose) {
    for (const [name, rows2] of [['pagefind', pagefind], ['lunr', defaultLunr]] as const) {
      process.stdout.write(`\n${name}, niet perfect:\n`);
      for (const m of rows2.filter((r) => r.recall < 1 || r.rr < 1)) process.stdout.write(`  "${m.q}" ${p(m.recall)}/${p(m.rr)} (${m.count}) top: ${m.top.join(', ')}\n`);
    }
  }

  const out = join(root, 'test-output');
  mkdirSync(out, { recursive: true });
  const files = ['search/index.json', 'search/docs.json'].map((f) => readFileSync(join(site, f)));
  const sizes = { indexBytes: files[0].length, docsBytes: files[1].length, gzipBytes: files.reduce((n, b) => n + gzipSync(b).length, 0) };
  process.stdout.write(`zoekindex: ${((sizes.indexBytes + sizes.docsBytes) / 1024).toFixed(1)} KB, ${(sizes.gzipBytes / 1024).toFixed(1)} KB gzip (index.json + docs.json)\n`);
  writeFileSync(
    join(out, 'eval-search.json'),
    `${JSON.stringify(
      {
        queries: queries.length,
        metrics: 'recall@5 (share of expected ids, at most 5, covered by the top 5) and MRR (first covering result in the top 10); "find nothing" queries score 1 on 0 results',
        table,
        byKind,
        heldOut,
        timingsNodeMs: { median: pct(0.5), p95: pct(0.95) },
        sizes,
        perQuery: queries.map((q, i) => ({ q: q.q, kind: q.kind, expect: q.expect, ours: ours[i], pagefind: pagefind[i], lunr: defaultLunr[i] })),
      },
      null,
      2,
    )}\n`,
  );
  process.stdout.write(`\ngeschreven: test-output/eval-search.json\n`);
  if (tmpSite) rmSync(tmpSite, { recursive: true, force: true });
}

/** Index the case and note pages with Pagefind's Node API and query the bundle with its pagefind.js. */
async function runPagefind(site: string, queries: Query[], unitDocs: ReturnType<typeof searchUnits>['docs'], unitId: (i: number) => string): Promise<Scored[]> {
  const pagefind = await import('pagefind');
  const outDir = mkdtempSync(join(tmpdir(), 'kb-eval-pagefind-'));
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'nl' });
    if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: site, glob: '{cases,notities}/*/index.html' });
    if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    await index.writeFiles({ outputPath: outDir });
    await pagefind.close();

    // pagefind.js fetches its index chunks: serve them from disk
    const BASE = 'http://pagefind.invalid/';
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.startsWith(BASE)) return new Response(readFileSync(join(outDir, url.slice(BASE.length).split('?')[0])));
      return realFetch(input, init);
    }) as typeof fetch;
    const pf = await import(pathToFileURL(join(outDir, 'pagefind.js')).href);
    await pf.options({ basePath: BASE, baseUrl: '/' });
    await pf.init();

    // page path → unit id, and each page's finding anchors
    const pageOf = new Map<string, { id: string; findings: Map<string, string> }>();
    unitDocs.forEach((d, i) => {
      if (d.k !== 'f') pageOf.set(d.u!, { id: d.id!, findings: new Map() });
    });
    unitDocs.forEach((d, i) => {
      if (d.k === 'f') pageOf.get(unitDocs[d.o!].u!)?.findings.set(d.a!, unitId(i));
    });

    const runs: Result[][] = [];
    for (const { q } of queries) {
      const r = await pf.search(q);
      const out: Result[] = [];
      const datas = await Promise.all(r.results.slice(0, 10).map((x: { data(): Promise<unknown> }) => x.data()));
      for (const d of datas as { url: string; locations: number[]; anchors: { element: string; id: string; location: number }[] }[]) {
        const path = new URL(d.url, 'http://x').pathname;
        const page = pageOf.get(path);
        if (!page) {
          out.push({ id: path, covers: [] });
          continue;
        }
        // the finding whose anchor region (to the next element with an id) holds each hit
        const anchors = [...d.anchors].sort((a, b) => a.location - b.location);
        const hits = new Map<string, number>();
        for (const loc of d.locations) {
          let cur: (typeof anchors)[number] | undefined;
          for (const a of anchors) if (a.location <= loc) cur = a;
          const fid = cur ? page.findings.get(cur.id) : undefined;
          if (fid) hits.set(fid, (hits.get(fid) ?? 0) + 1);
        }
        const subs = [...hits].sort((a, b) => b[1] - a[1]).slice(0, 3);
        if (subs.length) for (const [fid] of subs) out.push({ id: fid, covers: [fid, page.id] });
        else out.push({ id: page.id, covers: [page.id] });
      }
      runs.push(r.results.length ? out : []);
    }
    globalThis.fetch = realFetch;
    return score(queries, (q) => runs[queries.findIndex((x) => x.q === q)]);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : e}\n`);
  process.exit(1);
});
