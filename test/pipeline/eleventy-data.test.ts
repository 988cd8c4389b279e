// The bridge to Eleventy never throws: a throw from global data leaves Eleventy 3.1's dev server
// broken until a restart, so even a bug in a stage becomes a problem shown on every page.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { corpusWith } from '../helpers/corpus.ts';

const failNext = vi.hoisted(() => ({ once: false }));
vi.mock('../../pipeline/build.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../pipeline/build.ts')>();
  return {
    ...actual,
    runPipeline: (...args: Parameters<typeof actual.runPipeline>) => {
      if (failNext.once) {
        failNext.once = false;
        throw new TypeError("Cannot read properties of undefined (reading 'x')");
      }
      return actual.runPipeline(...args);
    },
  };
});

describe('site data for Eleventy', () => {
  it('turns a throw inside the pipeline into a shown problem, keeps the last good site, and recovers', async () => {
    const { siteData } = await import('../../pipeline/eleventy-data.ts');
    const dir = corpusWith();
    process.env.KB_SOURCES = dir;
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const good = await siteData(dir);
      expect(good.ok).toBe(true);
      const before = good.graph.cases.map((c) => c.id);

      failNext.once = true;
      // a changed source, so the cached result is not reused
      writeFileSync(join(dir, 'cases/alfa.md'), `${readFileSync(join(dir, 'cases/alfa.md'), 'utf8')}\nNieuwe alinea.\n`);
      const failed = await siteData(dir);
      expect(failed.ok).toBe(false);
      expect(failed.problems).toEqual([expect.objectContaining({ ruleId: 'internal', file: dir, line: 1, column: 1, message: "interne fout bij het verwerken van de bronnen: Cannot read properties of undefined (reading 'x')" })]);
      expect(failed.graph.cases.map((c) => c.id)).toEqual(before);

      const again = await siteData(dir);
      expect(again.ok).toBe(true);
      expect(again.problems.filter((p) => p.severity === 'error')).toEqual([]);
    } finally {
      stderr.mockRestore();
      delete process.env.KB_SOURCES;
    }
  });
});

describe('stale outputs in watch mode', () => {
  it('removes what a re-rendered template no longer writes, and empty folders, only inside the output folder', async () => {
    const { OutputPruner } = await import('../../pipeline/dev.ts');
    const { existsSync, mkdirSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const root = mkdtempSync(join(tmpdir(), 'kb-prune-'));
    const out = join(root, 'site');
    const outside = join(root, 'elders.html');
    for (const p of ['cases/a/index.html', 'cases/b/index.html', 'index.html']) {
      mkdirSync(join(out, p, '..'), { recursive: true });
      writeFileSync(join(out, p), p);
    }
    writeFileSync(outside, 'x');
    const pruner = new OutputPruner(out);
    pruner.afterBuild([
      { inputPath: './site/case.njk', outputPath: join(out, 'cases/a/index.html') },
      { inputPath: './site/case.njk', outputPath: join(out, 'cases/b/index.html') },
      { inputPath: './site/index.njk', outputPath: join(out, 'index.html') },
      { inputPath: './site/evil.njk', outputPath: outside },
    ]);
    // b was deleted; index.njk was not re-rendered (incremental); evil.njk now writes nothing
    const removed = pruner.afterBuild([
      { inputPath: './site/case.njk', outputPath: join(out, 'cases/a/index.html') },
      { inputPath: './site/evil.njk', outputPath: false },
    ]);
    expect(removed).toEqual([join(out, 'cases/b/index.html')]);
    expect(existsSync(join(out, 'cases/b'))).toBe(false);
    expect(existsSync(join(out, 'cases/a/index.html'))).toBe(true);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(outside)).toBe(true);
  });
});
