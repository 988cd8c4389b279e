// One measured run, in its own process so its peak memory is its own. Prints JSON on the last line.
//   pipeline <sources> <out>   the full build (pipeline + Eleventy + atomic swap) via the CLI code
//   eleventy <input> <out>     plain Eleventy on the same markdown files, default configuration
//   search <out>               load the built search index and time queries
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';

const [mode, a, b] = process.argv.slice(2);
const t0 = performance.now();
const result: Record<string, unknown> = { mode };

if (mode === 'pipeline') {
  // in this process, so the memory measured is the build's
  const { makeConfig } = await import('../pipeline/build.ts');
  const { pipelineFor } = await import('../pipeline/eleventy-data.ts');
  process.env.KB_SOURCES = a;
  const { result: r } = await pipelineFor(makeConfig(process.cwd(), { sourcesDir: a }));
  if (!r.ok) throw new Error('synthetic corpus does not validate');
  result.stages = r.timings;
  result.findings = r.graph!.counts.findings;
  const t1 = performance.now();
  const { default: Eleventy } = await import('@11ty/eleventy');
  const elev = new Eleventy(join(process.cwd(), 'site'), b, { quietMode: true, configPath: join(process.cwd(), '.eleventy.js') });
  await elev.write();
  result.eleventyMs = Math.round(performance.now() - t1);
} else if (mode === 'eleventy') {
  const { default: Eleventy } = await import('@11ty/eleventy');
  const elev = new Eleventy(a, b, { quietMode: true, configPath: join(process.cwd(), 'scripts/bench-plain.eleventy.js') });
  await elev.write();
} else if (mode === 'search') {
  const require = createRequire(import.meta.url);
  const lunr = require('lunr');
  require('lunr-languages/lunr.stemmer.support')(lunr);
  require('lunr-languages/lunr.nl')(lunr);
  const core = await import('../site/assets/js/search-core.js');
  const indexRaw = readFileSync(join(a, 'search/index.json'));
  const docsRaw = readFileSync(join(a, 'search/docs.json'));
  result.indexBytes = indexRaw.length;
  result.docsBytes = docsRaw.length;
  result.gzipBytes = gzipSync(indexRaw).length + gzipSync(docsRaw).length;
  // the same engine and ranking the search page uses
  const tl = performance.now();
  const engine = core.createEngine(lunr, JSON.parse(indexRaw.toString()), JSON.parse(docsRaw.toString()));
  result.loadMs = Math.round(performance.now() - tl);
  const queries = ['stage', 'docenten', 'vervoer bus', 'lob', 'rooster', 'Limburg', 'samenwerking bestuur', 'examen', 'leerlingen begeleiding', 'weert'];
  const times: number[] = [];
  for (let rep = 0; rep < 5; rep++)
    for (const q of queries) {
      const s = performance.now();
      core.search(engine, q);
      times.push(performance.now() - s);
    }
  times.sort((x, y) => x - y);
  result.queryP50Ms = Math.round(times[Math.floor(times.length * 0.5)] * 100) / 100;
  result.queryP95Ms = Math.round(times[Math.floor(times.length * 0.95)] * 100) / 100;
}

result.ms = Math.round(performance.now() - t0);
result.maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify(result));
