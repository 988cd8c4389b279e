// `npm run dev` on a copy of the real corpus: the dev server rebuilds on save, shows validation
// errors in the page instead of crashing, and recovers when the file is fixed.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './helpers/corpus.ts';

const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });

async function waitFor(fn: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    if (await fn().catch(() => false)) return performance.now() - t0;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`not within ${timeoutMs} ms`);
}

describe('npm run dev', () => {
  let server: ChildProcess;
  let base: string;
  let src: string;
  let log = '';
  const page = () => fetch(`${base}/cases/weert/`).then((r) => r.text());
  const file = () => join(src, 'cases/weert.md');
  const edit = (from: string, to: string) => writeFileSync(file(), readFileSync(file(), 'utf8').replace(from, to));

  beforeAll(async () => {
    src = join(mkdtempSync(join(tmpdir(), 'kb-dev-src-')), 'sources');
    cpSync(join(PROJECT_ROOT, 'sources'), src, { recursive: true });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const out = join(mkdtempSync(join(tmpdir(), 'kb-dev-')), 'site');
    server = spawn(process.execPath, ['--import', 'tsx', 'node_modules/@11ty/eleventy/cmd.cjs', '--serve', '--incremental', `--port=${port}`, `--output=${out}`], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, KB_SOURCES: src },
    });
    server.stdout!.on('data', (d) => (log += d));
    server.stderr!.on('data', (d) => (log += d));
    await waitFor(async () => (await page()).includes('Philips van Horne'), 60_000);
    // let the file watcher finish its initial scan before the first edit
    await new Promise((r) => setTimeout(r, 1500));
  }, 70_000);

  afterAll(() => {
    server?.kill();
  });

  it('should show an edited case within a second', async () => {
    edit('Een externe procesbegeleider met ervaring', 'Een externe procesbegeleider met veel ervaring');
    const ms = await waitFor(async () => (await page()).includes('Een externe procesbegeleider met veel ervaring'), 5_000);
    expect(ms).toBeLessThan(1_000);
  });

  it('should keep serving and show the error with file and line after an invalid edit', async () => {
    edit('provincie: limburg', 'provincie: limburgg');
    await waitFor(async () => (await page()).includes('problems-title'), 5_000);
    const html = await page();
    expect(html).toContain(`weert.md:4:12</code> &quot;limburgg&quot; is geen toegestane waarde voor &quot;provincie&quot; bedoel je &quot;limburg&quot;?`);
    // the last good version stays visible below the message
    expect(html).toContain('Een externe procesbegeleider met veel ervaring');
    expect(server.exitCode).toBeNull();
    expect(log).toContain('weert.md:4:12  fout:');
  });

  it('should recover without a restart when the file is fixed', async () => {
    edit('provincie: limburgg', 'provincie: limburg');
    await waitFor(async () => !(await page()).includes('problems-title'), 5_000);
    expect(await page()).toContain('Een externe procesbegeleider met veel ervaring');
    expect(server.exitCode).toBeNull();
  });
});
