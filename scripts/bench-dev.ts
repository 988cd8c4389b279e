// `npm run dev` as an author experiences it: the dev server on a copy of a corpus, a case page open
// in Chromium, and the time from saving a file to the change showing in that page.
//  - edit: a word added to the first finding of a case (a different case each time);
//  - theme rename: the label of a theme of the open case changed in codebook.yml.
// Between measurements the server finishes its rebuild ("Wrote N files"), so edits do not queue.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { launch } from '../test/helpers/browser.ts';
import { freePort } from './free-port.ts';

export interface DevResult {
  cases: number;
  startMs: number;
  editMs: number[];
  renameMs: number[];
  editMedianMs: number;
  renameMedianMs: number;
}

const root = resolve(import.meta.dirname, '..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


async function until(fn: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const t0 = performance.now();
  while (!(await Promise.resolve(fn()).catch(() => false))) {
    if (performance.now() - t0 > timeoutMs) throw new Error(`dev bench: ${what} not within ${timeoutMs} ms`);
    await sleep(20);
  }
}

/** Measure the dev server on a copy of `sources` (a folder with cases/, notes/, codebook.yml …). */
export async function measureDev(sources: string, { edits = 5, renames = 3 } = {}): Promise<DevResult> {
  const work = mkdtempSync(join(tmpdir(), 'kb-bench-dev-'));
  const src = join(work, 'sources');
  cpSync(sources, src, { recursive: true });
  const caseFiles = readdirSync(join(src, 'cases')).filter((f) => f.endsWith('.md')).sort();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let log = '';
  const server = spawn(process.execPath, ['--import', 'tsx', 'node_modules/@11ty/eleventy/cmd.cjs', '--serve', '--incremental', `--port=${port}`, `--output=${join(work, 'site')}`], {
    cwd: root,
    env: { ...process.env, KB_SOURCES: src },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.on('data', (d) => (log += d));
  server.stderr.on('data', (d) => (log += d));
  const builds = () => (log.match(/Wrote \d+ files?/g) ?? []).length;
  const browser = await launch();
  try {
    const t0 = performance.now();
    const first = caseFiles[0].replace(/\.md$/, '');
    await until(async () => (await fetch(`${base}/cases/${first}/`)).ok && builds() > 0, 15 * 60_000, 'first build');
    const startMs = Math.round(performance.now() - t0);
    await sleep(1500); // the watcher's initial scan
    const page = await browser.newPage();
    const visible = async (marker: string, change: () => void): Promise<number> => {
      const before = builds();
      const t = performance.now();
      change();
      await page.waitForFunction((m) => document.body?.innerText.includes(m), marker, { timeout: 10 * 60_000, polling: 10 });
      const ms = Math.round(performance.now() - t);
      await until(() => builds() > before, 10 * 60_000, 'rebuild to finish');
      await sleep(500);
      return ms;
    };

    const editMs: number[] = [];
    for (let i = 0; i < edits; i++) {
      const file = join(src, 'cases', caseFiles[(i * 7) % caseFiles.length]);
      await page.goto(`${base}/cases/${caseFiles[(i * 7) % caseFiles.length].replace(/\.md$/, '')}/`);
      const marker = `Proefbewerking${i + 1}`;
      editMs.push(await visible(marker, () => writeFileSync(file, readFileSync(file, 'utf8').replace(/^(- .*?) \{/m, `$1 ${marker}. {`))));
    }

    const renameMs: number[] = [];
    const codebook = join(src, 'codebook.yml');
    for (let i = 0; i < renames; i++) {
      const file = join(src, 'cases', caseFiles[i % caseFiles.length]);
      await page.goto(`${base}/cases/${caseFiles[i % caseFiles.length].replace(/\.md$/, '')}/`);
      const theme = /thema: ([a-z0-9-]+)/.exec(readFileSync(file, 'utf8'))![1];
      const marker = `Hernoemd${i + 1}`;
      renameMs.push(await visible(marker, () => writeFileSync(codebook, readFileSync(codebook, 'utf8').replace(new RegExp(`(- id: ${theme}\\n\\s+label: )(.*)`), `$1${marker} $2`))));
    }
    return { cases: caseFiles.length, startMs, editMs, renameMs, editMedianMs: median(editMs), renameMedianMs: median(renameMs) };
  } finally {
    await browser.close();
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill();
      await exited;
    }
    rmSync(work, { recursive: true, force: true });
  }
}
