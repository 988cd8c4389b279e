// Search latency as a reader sees it: in Debian's Chromium on the built site's /zoeken/ page, the
// time from a keystroke (an `input` event on the search field) to the results of that query in the
// page (the results list re-rendered for it). It includes the page's typing pause (30 ms), the
// message to the Web Worker, the search there and the rendering. Measured once loaded (after a
// first query), for the bench queries in turn, without and with a 4× CPU slowdown (Chrome DevTools
// `Emulation.setCPUThrottlingRate`, as Lighthouse's mobile run uses). The worker's own search time
// (`data-search-ms`) is reported beside it, which shows whether the slowdown reached the worker.
//   node --import tsx scripts/bench-search-browser.ts <built site>
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { launch, serve } from '../test/helpers/browser.ts';
import { BENCH_QUERIES } from './bench-search.ts';

/** Each query typed this many times per CPU setting. */
const REPS = 3;

export interface TypingRun {
  /** CPU slowdown factor (1: none) */
  cpu: number;
  /** keystroke to results shown, ms */
  p50Ms: number;
  p95Ms: number;
  /** the search in the worker alone, ms */
  workerP50Ms: number;
  samples: number;
}
export interface TypingBench {
  /** first query on a fresh page: from the keystroke to results, index loading included, ms */
  firstQueryMs: number;
  runs: TypingRun[];
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))] * 10) / 10;
};

/**
 * In the page: type the query into the search field, resolve with [ms until its results show, worker
 * ms]. Kept as source text: tsx's helpers (`__name`) do not exist in the page.
 */
const TYPE_AND_WAIT = `(q) => {
  const input = document.getElementById('q');
  const results = document.getElementById('results');
  const renders = Number(results.dataset.renders ?? 0);
  return new Promise((done) => {
    let t0 = 0;
    const observer = new MutationObserver(() => {
      if (results.dataset.query !== q || Number(results.dataset.renders ?? 0) <= renders) return;
      observer.disconnect();
      done([performance.now() - t0, Number(results.dataset.searchMs ?? 0)]);
    });
    observer.observe(results, { attributes: true, attributeFilter: ['data-renders'] });
    input.value = q;
    t0 = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}`;
const typeAndWait = (page: Page, q: string) => page.evaluate<[number, number]>(`(${TYPE_AND_WAIT})(${JSON.stringify(q)})`);

export async function benchTyping(site: string): Promise<TypingBench> {
  const server = await serve(site);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/zoeken/`);
    const [firstQueryMs] = await typeAndWait(page, 'leerlingen');
    const cdp = await page.context().newCDPSession(page);
    const runs: TypingRun[] = [];
    for (const cpu of [1, 4]) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
      const shown: number[] = [];
      const worker: number[] = [];
      for (let rep = 0; rep < REPS; rep++)
        for (const q of BENCH_QUERIES) {
          const [ms, workerMs] = await typeAndWait(page, q);
          shown.push(ms);
          worker.push(workerMs);
        }
      runs.push({ cpu, p50Ms: pct(shown, 0.5), p95Ms: pct(shown, 0.95), workerP50Ms: pct(worker, 0.5), samples: shown.length });
    }
    return { firstQueryMs: Math.round(firstQueryMs), runs };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The table of `npm run bench`: per corpus size, keystroke to results without and with the slowdown. */
export function typingTable(rows: { n: number; typing: TypingBench }[]): string {
  const run = (t: TypingBench, cpu: number) => t.runs.find((r) => r.cpu === cpu);
  const cell = (r?: TypingRun) => (r ? `${r.p50Ms} / ${r.p95Ms} ms (worker ${r.workerP50Ms} ms)` : '–');
  const lines = ['| N | first query, index loading included | p50 / p95 after it | p50 / p95, CPU 4× slower |', '| ---: | ---: | ---: | ---: |'];
  for (const { n, typing } of rows) lines.push(`| ${n} | ${typing.firstQueryMs} ms | ${cell(run(typing, 1))} | ${cell(run(typing, 4))} |`);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const site = process.argv[2];
  if (!site) {
    process.stderr.write('gebruik: node --import tsx scripts/bench-search-browser.ts <gebouwde site>\n');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(await benchTyping(site), null, 2)}\n`);
}
