// `npm run audit`: Lighthouse 12.2.3 over every page type, mobile and desktop, three runs each;
// the median score per category. The site is built into a temporary folder with the server's own
// address as site URL (so canonical links are valid) and served on 127.0.0.1 with its _headers.
// Writes audit-output/lighthouse.json and prints a Markdown table with the machine's load.
// Options: --runs N (default 3), --pages home,case,… (default all), --form mobile|desktop (default both).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { serve } from '../test/helpers/browser.ts';
import { cli } from '../test/helpers/cli.ts';
import { freePort } from './free-port.ts';

export const AUDIT_PAGES: [string, string][] = [
  ['home', '/'],
  ['cases', '/cases/'],
  ['cases-filter', '/cases/provincie/noord-brabant/'],
  ['case', '/cases/weert/'],
  ['note', '/notities/rode-draden-leerlabs/'],
  ['notes', '/notities/'],
  ['themes', '/themas/'],
  ['theme', '/themas/docentuitwisseling/'],
  ['provinces', '/provincies/'],
  ['province', '/provincies/noord-holland/'],
  ['threads', '/rode-draden/'],
  ['thread', '/rode-draden/thema-docentuitwisseling/'],
  ['matrix', '/matrix/'],
  ['compare', '/vergelijk/?a=helmond&b=heerhugowaard'],
  ['search', '/zoeken/?q=stage'],
  ['method', '/methode/'],
  ['authors', '/auteurs/'],
  ['exports', '/exports/'],
  ['statement', '/toegankelijkheid/'],
  ['colofon', '/colofon/'],
  ['licences', '/licenties/'],
  ['privacy', '/privacy/'],
  ['not-found', '/404.html'],
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const FORMS = ['mobile', 'desktop'] as const;

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, pages: { type: 'string' }, form: { type: 'string' } } });
const runs = Math.max(1, Number(values.runs) || 3);
const pages = values.pages ? AUDIT_PAGES.filter(([n]) => values.pages!.split(',').includes(n)) : AUDIT_PAGES;
const forms = values.form ? FORMS.filter((f) => f === values.form) : FORMS;
const root = resolve(import.meta.dirname, '..');

const median = (xs: number[] = []) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' / ');

const port = await freePort();
const siteUrl = `http://127.0.0.1:${port}`;
const out = join(mkdtempSync(join(tmpdir(), 'kb-audit-')), 'site');
process.stdout.write(`Building for ${siteUrl} …\n`);
const built = cli(['build', '--out', out, '--quiet', '--site-url', siteUrl]);
if (built.code !== 0) throw new Error(`build failed:\n${built.stderr}`);
const server = await serve(out, port);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const loadBefore = load();
const started = Date.now();
type Row = { page: string; path: string; form: string; scores: Record<string, number[]>; metrics: Record<string, number[]>; failing: string[]; failedRuns?: number };
const rows: Row[] = [];
try {
  for (const [name, path] of pages) {
    for (const form of forms) {
      const row: Row = { page: name, path, form, scores: {}, metrics: {}, failing: [] };
      for (let i = 0, failures = 0; i < runs; i++) {
        const result = await lighthouse(`${siteUrl}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] }, form === 'desktop' ? desktopConfig : undefined);
        const lhr = result!.lhr;
        // a run Lighthouse could not finish (e.g. no paint within its time limit on a busy machine)
        // has no scores: it is repeated, at most three times per cell, and reported
        if (lhr.runtimeError || CATEGORIES.some((c) => lhr.categories[c]?.score == null)) {
          process.stdout.write(`  ${name} ${form}: run failed (${lhr.runtimeError?.code ?? 'no score'})${failures < 3 ? ', again' : ''}\n`);
          row.failedRuns = (row.failedRuns ?? 0) + 1;
          if (failures++ < 3) i--;
          continue;
        }
        for (const c of CATEGORIES) (row.scores[c] ??= []).push(Math.round(lhr.categories[c]!.score! * 100));
        for (const m of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift']) (row.metrics[m] ??= []).push(lhr.audits[m]?.numericValue ?? NaN);
        for (const c of CATEGORIES)
          for (const ref of lhr.categories[c]?.auditRefs ?? []) {
            const a = lhr.audits[ref.id];
            if (ref.weight > 0 && a.score !== null && a.score < 1 && !row.failing.includes(`${c}: ${ref.id}`)) row.failing.push(`${c}: ${ref.id}`);
          }
      }
      rows.push(row);
      const med = CATEGORIES.map((c) => median(row.scores[c])).join(' / ');
      process.stdout.write(`${name} ${form}: ${med}${row.failing.length ? `  (below 100: ${row.failing.join(', ')})` : ''}\n`);
    }
  }
} finally {
  await chrome.kill();
  await server.close();
}

const report = {
  lighthouse: '12.2.3',
  runs,
  machine: { cpus: cpus().length, loadBefore, loadAfter: load(), minutes: Math.round((Date.now() - started) / 600) / 100 },
  rows: rows.map((r) => ({
    ...r,
    median: Object.fromEntries(CATEGORIES.map((c) => [c, median(r.scores[c])])),
    medianMetrics: Object.fromEntries(Object.entries(r.metrics).map(([m, xs]) => [m, Math.round(median(xs) * 1000) / 1000])),
  })),
};
mkdirSync(join(root, 'audit-output'), { recursive: true });
writeFileSync(join(root, 'audit-output/lighthouse.json'), `${JSON.stringify(report, null, 2)}\n`);

const lines = [
  `Lighthouse 12.2.3, median of ${runs} run${runs > 1 ? 's' : ''}; ${cpus().length} CPUs, load average (1/5/15 min) ${loadBefore} before, ${report.machine.loadAfter} after.`,
  '',
  '| page type | mobile: perf / a11y / bp / seo | desktop: perf / a11y / bp / seo |',
  '| --- | --- | --- |',
  ...pages.map(([name]) => {
    const cell = (form: string) => {
      const r = report.rows.find((x) => x.page === name && x.form === form);
      return r ? CATEGORIES.map((c) => r.median[c]).join(' / ') : '–';
    };
    return `| ${name} | ${cell('mobile')} | ${cell('desktop')} |`;
  }),
];
process.stdout.write(`\n${lines.join('\n')}\n\nWritten: audit-output/lighthouse.json\n`);
// NaN (every run failed) counts as below target
const below = report.rows.filter((r) => !(r.median.accessibility >= 100 && r.median['best-practices'] >= 100 && r.median.seo >= 100 && r.median.performance >= (r.form === 'desktop' ? 95 : 90)));
if (below.length) {
  process.stdout.write(`Below target (a11y, best practices, SEO 100; performance ≥ 95 desktop, ≥ 90 mobile): ${below.map((r) => `${r.page} ${r.form}`).join(', ')}\n`);
  process.exitCode = 1;
}
