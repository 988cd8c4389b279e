// `npm run bench`: the pipeline (pipeline + Eleventy rendering the site) against plain Eleventy on
// the same synthetic markdown, at N = 100 / 1 000 / 10 000; plus search payload and query latency.
// Then the dev server's save-to-visible time (scripts/bench-dev.ts) on the real corpus and on 1 000
// cases, unless `-- --skip-dev`. Writes bench-output/bench.json and prints a table. Sizes:
// `npm run bench -- 100 1000`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeCorpus } from './bench-corpus.ts';
import { measureDev, type DevResult } from './bench-dev.ts';
import { searchTable } from './bench-search.ts';

const root = resolve(import.meta.dirname, '..');
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const ns = sizes.length ? sizes : [100, 1000, 10000];
const outDir = join(root, 'bench-output');
mkdirSync(outDir, { recursive: true });

function child(args: string[]): Record<string, number | string | object> {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', join(root, 'scripts/bench-child.ts'), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`bench child ${args[0]} failed:\n${r.stderr.slice(-3000)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

const rows: Record<string, unknown>[] = [];
for (const n of ns) {
  // outside the project: Eleventy skips folders that .gitignore lists (bench-output/ is one)
  const work = mkdtempSync(join(tmpdir(), `kb-bench-${n}-`));
  const corpus = join(work, 'corpus');
  process.stdout.write(`N = ${n}: writing corpus … `);
  writeCorpus(corpus, n, join(root, 'test/fixtures/basic'));
  process.stdout.write('plain Eleventy … ');
  const plainOut = join(work, 'plain');
  const plain = child(['eleventy', join(corpus, 'cases'), plainOut]);
  process.stdout.write('pipeline … ');
  const siteOut = join(work, 'site');
  const pipe = child(['pipeline', corpus, siteOut]);
  process.stdout.write('search …\n');
  const search = child(['search', siteOut]);
  rows.push({ n, plain, pipeline: pipe, search, timeRatio: Math.round(((pipe.ms as number) / (plain.ms as number)) * 100) / 100, memoryRatio: Math.round(((pipe.maxRssMb as number) / (plain.maxRssMb as number)) * 100) / 100 });
  rmSync(work, { recursive: true, force: true });
}

const dev: Record<string, DevResult> = {};
if (!process.argv.includes('--skip-dev')) {
  process.stdout.write('dev server: real corpus … ');
  dev.real = await measureDev(join(root, 'sources'));
  process.stdout.write('1 000 cases …\n');
  const corpus = mkdtempSync(join(tmpdir(), 'kb-bench-dev-corpus-'));
  writeCorpus(corpus, 1000, join(root, 'test/fixtures/basic'));
  try {
    dev['1000'] = await measureDev(corpus);
  } finally {
    rmSync(corpus, { recursive: true, force: true });
  }
}

writeFileSync(join(outDir, 'bench.json'), `${JSON.stringify({ machine: { node: process.version, cpus: (await import('node:os')).cpus().length, loadAverage: (await import('node:os')).loadavg() }, rows, dev }, null, 2)}\n`);
console.log('\n| N | plain Eleventy | pipeline + site | time ratio | plain RSS | pipeline RSS | RSS ratio |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows as { n: number; plain: { ms: number; maxRssMb: number }; pipeline: { ms: number; maxRssMb: number }; timeRatio: number; memoryRatio: number }[]) {
  console.log(`| ${r.n} | ${r.plain.ms} ms | ${r.pipeline.ms} ms | ${r.timeRatio}× | ${r.plain.maxRssMb} MB | ${r.pipeline.maxRssMb} MB | ${r.memoryRatio}× |`);
}
console.log(`\nsearch (bytes as transferred, gzip):\n${searchTable(rows as unknown as Parameters<typeof searchTable>[0])}`);
for (const [k, d] of Object.entries(dev)) console.log(`dev server (${k === 'real' ? 'real corpus' : `${k} cases`}): first build ${d.startMs} ms; edit visible, median ${d.editMedianMs} ms (${d.editMs.join(', ')}); theme rename, median ${d.renameMedianMs} ms (${d.renameMs.join(', ')})`);
console.log(`\nwritten: ${join('bench-output', 'bench.json')}`);
