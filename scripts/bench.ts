// `npm run bench`: the full build (`npm run build`: pipeline, Eleventy, swap) and `npm run check`
// against plain Eleventy on the same synthetic markdown, side by side, at N = 100 / 1 000 / 10 000
// cases (median of --runs runs, each in its own process); site size and largest page; the search
// (ours beside Pagefind, scripts/bench-search.ts; keystroke to results in Chromium,
// scripts/bench-search-browser.ts); and the dev server's save-to-visible time on the
// real corpus and at 1 000 cases. Writes bench-output/bench.json and prints the tables.
//   npm run bench -- 100 1000            other sizes
//   npm run bench -- --runs 5             more runs per size (default 3)
//   npm run bench -- 100 1000 10000:1     runs for one size (here one run at 10 000)
//   npm run bench -- --skip-dev           without the dev-server measurement
//   npm run bench -- --only-dev           the dev-server measurement alone
//   npm run bench -- --heap 8192          --max-old-space-size for the measured processes
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus, type CorpusSummary } from './bench-corpus.ts';
import { measureDev, type DevResult } from './bench-dev.ts';
import { searchTable, type benchSearch } from './bench-search.ts';
import { typingTable, type TypingBench } from './bench-search-browser.ts';

type SearchBench = Awaited<ReturnType<typeof benchSearch>> & { typing: TypingBench };

type Run = Record<string, unknown> & { ms: number; cpuMs: number; maxRssMb: number; loadAverage1m?: number; stages?: Record<string, number> };

export interface SiteStats {
  files: number;
  pages: number;
  bytes: number;
  largestPage: { path: string; bytes: number };
  pagesOver300KB: number;
}

export interface BenchRow {
  n: number;
  corpus: CorpusSummary;
  runs: { plain: Run[]; build: Run[]; check: Run[] };
  median: { loadAverage1m: number; plainMs: number; buildMs: number; checkMs: number; plainCpuMs: number; buildCpuMs: number; checkCpuMs: number; plainRssMb: number; buildRssMb: number; checkRssMb: number; stages: Record<string, number> };
  ratios: { build: number; rss: number; check: number };
  site: SiteStats;
  /** ours beside Pagefind (bench-search.ts), or why it could not be measured */
  search: SearchBench | { error: string };
}

const root = resolve(import.meta.dirname, '..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round2 = (x: number) => Math.round(x * 100) / 100;

function child(args: string[], heap?: number): Run {
  const load1 = round2(loadavg()[0]); // the machine may be shared: every number keeps its load
  const r = spawnSync(process.execPath, [...(heap ? [`--max-old-space-size=${heap}`] : []), '--import', 'tsx', join(root, 'scripts/bench-child.ts'), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('{')) throw new Error(`bench child ${args[0]} failed (exit ${r.status}):\n${r.stderr.slice(-3000)}${r.stdout.slice(-2000)}`);
  const run = JSON.parse(last) as Run;
  run.loadAverage1m = load1;
  // the CLI's own summary: "tijd: load 3.9 ms, parse 220.9 ms, …"
  const tijd = /tijd: (.*)/.exec(r.stdout)?.[1];
  if (tijd) run.stages = Object.fromEntries([...tijd.matchAll(/([\w-]+) ([\d.]+) ms/g)].map((m) => [m[1], Number(m[2])]));
  return run;
}

export function siteStats(dir: string): SiteStats {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
  const pages = files.filter((f) => f.endsWith('.html')).map((f) => ({ path: relative(dir, f), bytes: statSync(f).size }));
  const largest = pages.reduce((a, b) => (b.bytes > a.bytes ? b : a), { path: '', bytes: 0 });
  return { files: files.length, pages: pages.length, bytes: files.reduce((s, f) => s + statSync(f).size, 0), largestPage: largest, pagesOver300KB: pages.filter((p) => p.bytes > 300 * 1024).length };
}

/** Measure one size: corpus, then `runs` rounds of plain Eleventy, build and check side by side. */
export function benchSize(n: number, { runs = 3, heap, log = (t: string) => process.stdout.write(t) }: { runs?: number; heap?: number; log?: (text: string) => void } = {}): BenchRow {
  // outside the project: Eleventy skips folders that .gitignore lists (bench-output/ is one)
  const work = mkdtempSync(join(tmpdir(), `kb-bench-${n}-`));
  try {
    const corpus = join(work, 'corpus');
    const summary = writeCorpus(corpus, n);
    const res = { plain: [] as Run[], build: [] as Run[], check: [] as Run[] };
    for (let i = 0; i < runs; i++) {
      log(`  run ${i + 1}/${runs}: plain Eleventy … `);
      res.plain.push(child(['eleventy', corpus, join(work, 'plain')], heap));
      log('build … ');
      res.build.push(child(['build', corpus, join(work, 'site')], heap));
      log('check …\n');
      res.check.push(child(['check', corpus], heap));
    }
    for (const r of res.build) if (r.exitCode !== 0) throw new Error(`build of the N = ${n} corpus failed`);
    let search: BenchRow['search'];
    try {
      search = child(['search', join(work, 'site')]) as unknown as SearchBench;
    } catch (e) {
      search = { error: (e as Error).message.split('\n')[0] };
    }
    const stageNames = Object.keys(res.build[0].stages ?? {});
    const m = {
      loadAverage1m: median([...res.plain, ...res.build, ...res.check].map((r) => r.loadAverage1m ?? 0)),
      plainMs: median(res.plain.map((r) => r.ms)),
      buildMs: median(res.build.map((r) => r.ms)),
      checkMs: median(res.check.map((r) => r.ms)),
      plainCpuMs: median(res.plain.map((r) => r.cpuMs)),
      buildCpuMs: median(res.build.map((r) => r.cpuMs)),
      checkCpuMs: median(res.check.map((r) => r.cpuMs)),
      plainRssMb: median(res.plain.map((r) => r.maxRssMb)),
      buildRssMb: median(res.build.map((r) => r.maxRssMb)),
      checkRssMb: median(res.check.map((r) => r.maxRssMb)),
      stages: Object.fromEntries(stageNames.map((s) => [s, median(res.build.map((r) => r.stages?.[s] ?? 0))])),
    };
    return {
      n,
      corpus: summary,
      runs: res,
      median: m,
      ratios: { build: round2(m.buildMs / m.plainMs), rss: round2(m.buildRssMb / m.plainRssMb), check: round2(m.checkMs / m.plainMs) },
      site: siteStats(join(work, 'site')),
      search,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function machine() {
  const c = cpus();
  const eleventy = JSON.parse(readFileSync(join(root, 'node_modules/@11ty/eleventy/package.json'), 'utf8')).version as string;
  return { date: new Date().toISOString().slice(0, 10), node: process.version, eleventy, cpus: c.length, cpuModel: c[0]?.model ?? '?', ramGb: Math.round(totalmem() / 2 ** 30), freeRamGb: Math.round(freemem() / 2 ** 30), loadAverage: loadavg().map(round2) };
}

const mb = (b: number) => (b >= 1024 * 1024 ? `${round2(b / 1024 / 1024)} MB` : `${Math.round(b / 1024)} KB`);
const s = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

export function table(rows: BenchRow[]): string {
  const lines = [
    '| N cases | findings | runs | load | plain Eleventy | build | build ÷ plain | plain RSS | build RSS | check | check ÷ plain | pages | largest page |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const m = r.median;
    lines.push(`| ${r.n} | ${r.corpus.findings} | ${r.runs.build.length} | ${m.loadAverage1m} | ${s(m.plainMs)} | ${s(m.buildMs)} | ${r.ratios.build}× | ${m.plainRssMb} MB | ${m.buildRssMb} MB | ${s(m.checkMs)} | ${r.ratios.check}× | ${r.site.pages} | ${mb(r.site.largestPage.bytes)} |`);
  }
  return lines.join('\n');
}

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '3' }, 'skip-dev': { type: 'boolean', default: false }, 'only-dev': { type: 'boolean', default: false }, heap: { type: 'string' } } });
  const runs = Number(values.runs);
  // "10000:1" = N 10 000 with one run
  const sizes = values['only-dev'] ? [] : (positionals.length ? positionals : ['100', '1000', '10000']).map((p) => ({ n: Number(p.split(':')[0]), runs: Number(p.split(':')[1] ?? runs) }));
  const heap = values.heap ? Number(values.heap) : undefined;
  const outDir = join(root, 'bench-output');
  mkdirSync(outDir, { recursive: true });
  const before = machine();
  const rows: BenchRow[] = [];
  const dev: Record<string, DevResult> = {};
  const save = (extra: object = {}) => writeFileSync(join(outDir, 'bench.json'), `${JSON.stringify({ machine: { ...before, loadAverageAfter: loadavg().map(round2), heapMb: heap ?? null, runs }, rows, ...extra }, null, 2)}\n`);
  for (const { n, runs } of sizes) {
    console.log(`N = ${n}`);
    rows.push(benchSize(n, { runs, heap }));
    save({ partial: true }); // a long run keeps what it measured
  }
  if (!values['skip-dev']) {
    console.log('dev server: real corpus …');
    dev.real = await measureDev(join(root, 'sources'));
    console.log('dev server: 1 000 cases …');
    const corpus = mkdtempSync(join(tmpdir(), 'kb-bench-dev-corpus-'));
    writeCorpus(corpus, 1000); // the same files as the measured N = 1 000 corpus
    try {
      dev['1000'] = await measureDev(corpus);
    } finally {
      rmSync(corpus, { recursive: true, force: true });
    }
  }
  const byN = new Map(rows.map((r) => [r.n, r]));
  const scaling = byN.has(1000) && byN.has(10000) ? round2(byN.get(10000)!.median.buildMs / byN.get(1000)!.median.buildMs) : null;
  save({ scaling10kOver1k: scaling, dev });

  console.log(`\n${table(rows)}`);
  const searched = rows.filter((r): r is BenchRow & { search: SearchBench } => !('error' in r.search));
  if (searched.length) console.log(`\nsearch (bytes as transferred, gzip):\n${searchTable(searched.map((r) => ({ n: r.n, pipeline: { stages: r.median.stages }, search: r.search })))}`);
  if (searched.length) console.log(`\nsearch in Chromium, keystroke to results shown:\n${typingTable(searched.map((r) => ({ n: r.n, typing: r.search.typing })))}`);
  for (const r of rows) console.log(`N = ${r.n}: stages ${Object.entries(r.median.stages).map(([k, v]) => `${k} ${s(v)}`).join(', ')}; largest page ${r.site.largestPage.path} (${mb(r.site.largestPage.bytes)}), ${r.site.pagesOver300KB} pages over 300 KB`);
  if (scaling !== null) console.log(`time(10 000) / time(1 000) = ${scaling}`);
  for (const [k, d] of Object.entries(dev)) console.log(`dev server (${k === 'real' ? 'real corpus' : `${k} cases`}): first build ${s(d.startMs)}; edit visible, median ${d.editMedianMs} ms (${d.editMs.join(', ')}); theme rename, median ${d.renameMedianMs} ms (${d.renameMs.join(', ')})`);
  console.log(`machine: ${before.cpus} × ${before.cpuModel}, ${before.ramGb} GB RAM, Node ${before.node}, load ${before.loadAverage.join(' ')} → ${loadavg().map(round2).join(' ')}`);
  console.log(`written: ${join('bench-output', 'bench.json')}`);
}

if (process.argv[1] === import.meta.filename) await main();
