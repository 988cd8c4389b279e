// The benchmark's synthetic corpus and a small benchmark run. No timing assertions: the numbers
// belong in `npm run bench`; here only that the corpus is valid and realistic and the results are
// well formed.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, makeConfig, type CheckResult } from '../pipeline/build.ts';
import { writeCorpus, type CorpusSummary } from '../scripts/bench-corpus.ts';
import { PROJECT_ROOT } from './helpers/corpus.ts';
import { benchSize, table, type BenchRow } from '../scripts/bench.ts';

describe('synthetic benchmark corpus', () => {
  let dir: string;
  let summary: CorpusSummary;
  let r: CheckResult;
  beforeAll(async () => {
    dir = join(mkdtempSync(join(tmpdir(), 'kb-bench-corpus-')), 'sources');
    summary = writeCorpus(dir, 240);
    r = await check(makeConfig(dir, { sourcesDir: '.' }));
  });
  afterAll(() => rmSync(dirname(dir), { recursive: true, force: true }));

  it('should validate without errors or warnings', () => {
    expect(r.problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.model.cases).toHaveLength(240);
    expect(r.model.notes).toHaveLength(24);
  });

  it('should look like the real corpus: provinces, themes, findings a case, rode draden citing cases', async () => {
    const { model } = r;
    expect(new Set(model.cases.map((c) => c.meta.provincie)).size).toBe(12);
    expect(new Set(model.cases.flatMap((c) => c.meta.plaatsen)).size).toBeGreaterThan(60);
    for (const c of model.cases) {
      expect(c.findings.length).toBeGreaterThanOrEqual(8);
      expect(c.findings.length).toBeLessThanOrEqual(20);
    }
    const all = [...model.cases, ...model.notes].flatMap((e) => e.findings);
    expect(all).toHaveLength(summary.findings);
    // every theme of the real codebook is used, the common ones far more than the rare ones
    const uses = new Map<string, number>();
    for (const f of all) for (const t of f.themes) uses.set(t, (uses.get(t) ?? 0) + 1);
    expect(uses.size).toBe(model.codebook.themas.length);
    const sorted = [...uses.values()].sort((a, b) => b - a);
    expect(sorted[0]).toBeGreaterThan(4 * sorted.at(-1)!);
    // findings as long as the real ones (median within 25 %), in words of realistic variety
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const real = await check(makeConfig(PROJECT_ROOT));
    const realMedian = median([...real.model.cases, ...real.model.notes].flatMap((e) => e.findings).map((f) => f.text.split(' ').length));
    expect(Math.abs(median(all.map((f) => f.text.split(' ').length)) - realMedian)).toBeLessThanOrEqual(realMedian / 4);
    expect(new Set(all.flatMap((f) => f.text.toLowerCase().split(/\s+/))).size).toBeGreaterThan(5000);
    // lessen in notes, and rode draden that cite findings of cases
    expect(model.notes.every((n) => n.findings.some((f) => f.type === 'les'))).toBe(true);
    const threads = all.filter((f) => f.type === 'rode-draad');
    expect(threads.length).toBeGreaterThan(0);
    expect(threads.length).toBe(summary.threads);
    for (const t of threads) {
      expect(t.supports.length).toBeGreaterThanOrEqual(1);
      for (const s of t.supports) expect(model.cases.some((c) => s.startsWith(`${c.id}#`))).toBe(true);
    }
  });

  it('should be deterministic', () => {
    const again = join(mkdtempSync(join(tmpdir(), 'kb-bench-corpus-')), 'sources');
    writeCorpus(again, 240);
    const files = (d: string) => readdirSync(join(d, 'cases')).sort();
    expect(files(again)).toEqual(files(dir));
    for (const f of files(dir).slice(0, 20)) expect(readFileSync(join(again, 'cases', f), 'utf8')).toBe(readFileSync(join(dir, 'cases', f), 'utf8'));
    rmSync(dirname(again), { recursive: true, force: true });
  });
});

describe('npm run bench at N = 50', () => {
  let row: BenchRow;
  beforeAll(() => {
    row = benchSize(50, { runs: 1, log: () => {} });
  }, 300_000);

  it('should measure plain Eleventy, the build and the check on the same corpus', () => {
    expect(row.n).toBe(50);
    expect(row.corpus.cases).toBe(50);
    for (const kind of ['plain', 'build', 'check'] as const) {
      expect(row.runs[kind]).toHaveLength(1);
      expect(row.runs[kind][0].ms).toBeGreaterThan(0);
      expect(row.runs[kind][0].maxRssMb).toBeGreaterThan(0);
    }
    expect(row.runs.build[0].loadAverage1m).toBeGreaterThanOrEqual(0);
    expect(row.runs.build[0].exitCode).toBe(0);
    expect(row.runs.check[0].exitCode).toBe(0);
    for (const r of Object.values(row.ratios)) expect(Number.isFinite(r) && r > 0).toBe(true);
    expect(Object.keys(row.median.stages)).toEqual(expect.arrayContaining(['parse', 'validate', 'link', 'index', 'eleventy']));
  });

  it('should report the built site: pages, size, largest page, search payload', () => {
    expect(row.site.pages).toBeGreaterThan(row.corpus.cases + row.corpus.notes);
    expect(row.site.largestPage.path).toMatch(/\.html$/);
    expect(row.site.largestPage.bytes).toBeGreaterThan(0);
    expect(row.site.bytes).toBeGreaterThan(row.site.largestPage.bytes);
    if ('error' in row.search) throw new Error(row.search.error);
    expect(row.search.ours.firstQueryBytes).toBeGreaterThan(0);
    expect(row.search.pagefind.firstQueryBytes).toBeGreaterThan(0);
    // in Chromium every typed query showed its own results, without and with the CPU slowdown
    expect(row.search.typing.firstQueryMs).toBeGreaterThan(0);
    expect(row.search.typing.runs.map((r) => [r.cpu, r.samples])).toEqual([[1, 33], [4, 33]]);
    for (const r of row.search.typing.runs) expect(r.p95Ms).toBeGreaterThanOrEqual(r.p50Ms);
  });

  it('should print a table row per size', () => {
    const lines = table([row]).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^\| 50 \| \d+ \| 1 \| [\d.]+ \| [\d.]+ s \| [\d.]+ s \| [\d.]+× \|/);
  });
});
