// One measured run, in its own process so its peak memory is its own. Prints JSON on the last line.
//   build <sources> <out>      `npm run build` (pipeline + Eleventy + atomic swap), the CLI itself
//   check <sources>            `npm run check`, the CLI itself
//   eleventy <input> <out>     plain Eleventy on the same markdown files, default configuration
//   search <out>               the search on the built site, ours beside Pagefind (bench-search.ts),
//                              and keystroke to results in Chromium (bench-search-browser.ts)
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const [mode, a, b] = process.argv.slice(2);
const t0 = performance.now();
const result: Record<string, unknown> = { mode };
const finish = () => {
  result.ms = Math.round(performance.now() - t0);
  // CPU time of all threads: steadier than wall time on a machine shared with other work
  const cpu = process.cpuUsage();
  result.cpuMs = Math.round((cpu.user + cpu.system) / 1000);
  result.maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`\n${JSON.stringify(result)}\n`);
};

if (mode === 'build' || mode === 'check') {
  // The CLI runs its command on import and ends with process.exit: report from the exit hook
  // (writes to a pipe are synchronous on Linux, so the line gets out).
  process.argv = [process.argv[0], 'cli.ts', mode, '--sources', a, ...(mode === 'build' ? ['--out', b] : [])];
  process.on('exit', (code) => {
    result.exitCode = code;
    finish();
  });
  await import('../pipeline/cli.ts');
} else {
  if (mode === 'eleventy') {
    const { default: Eleventy } = await import('@11ty/eleventy');
    const elev = new Eleventy(a, b, { quietMode: true, configPath: join(import.meta.dirname, 'bench-plain.eleventy.js') });
    await elev.write();
  } else if (mode === 'search') {
    Object.assign(result, await (await import('./bench-search.ts')).benchSearch(a), { typing: await (await import('./bench-search-browser.ts')).benchTyping(a) });
  } else throw new Error(`unknown mode ${mode}`);
  finish();
}
