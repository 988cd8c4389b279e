// One measured run, in its own process so its peak memory is its own. Prints JSON on the last line.
//   pipeline <sources> <out>   the full build (pipeline + Eleventy + atomic swap) via the CLI code
//   eleventy <input> <out>     plain Eleventy on the same markdown files, default configuration
//   search <out>               the search on the built site, ours beside Pagefind (bench-search.ts)
import { join } from 'node:path';
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
  // ours and Pagefind on the built site: bytes for the first query and ten more, query times
  Object.assign(result, await (await import('./bench-search.ts')).benchSearch(a));
}

result.ms = Math.round(performance.now() - t0);
result.maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify(result));
