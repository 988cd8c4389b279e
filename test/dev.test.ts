// `npm run dev` on a copy of the real corpus: the dev server rebuilds on save, shows validation
// errors in the page instead of crashing, recovers when the file is fixed, follows deleted and
// renamed cases, and ends with the same pages as a fresh build. No timing is asserted here (the
// edit-to-visible time is measured by `npm run bench`); waits are generous for a busy machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../scripts/free-port.ts';
import { cli, treeHashes, TSX } from './helpers/cli.ts';
import { PROJECT_ROOT } from './helpers/corpus.ts';
import { ALIAS_BOMB } from './helpers/hostile.ts';

const WAIT = 90_000;


async function waitFor(what: string, fn: () => Promise<boolean>, timeoutMs = WAIT): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fn().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
}

describe('npm run dev', () => {
  let server: ChildProcess;
  let base: string;
  let src: string;
  let out: string;
  let log = '';
  const get = (path: string) => fetch(`${base}${path}`).then(async (r) => ({ status: r.status, text: await r.text() }));
  const page = (path = '/cases/weert/') => get(path).then((r) => r.text);
  const file = (p = 'cases/weert.md') => join(src, p);
  const edit = (from: string, to: string, p = 'cases/weert.md') => writeFileSync(file(p), readFileSync(file(p), 'utf8').replace(from, to));
  /** The search index's document fragments as the dev server serves them (search/d/*.json). */
  const searchDocuments = () => {
    const dir = join(out, 'search/d');
    return existsSync(dir) ? readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n') : '';
  };

  beforeAll(async () => {
    src = join(mkdtempSync(join(tmpdir(), 'kb-dev-src-')), 'sources');
    cpSync(join(PROJECT_ROOT, 'sources'), src, { recursive: true });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    out = join(mkdtempSync(join(tmpdir(), 'kb-dev-')), 'site');
    // as an author starts it: npm run dev -- --port N (plus a folder of its own for sources and site)
    server = spawn(process.execPath, ['--import', TSX, 'pipeline/cli.ts', 'dev', '--port', String(port), '--sources', src, '--out', out], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, KB_SOURCES: '' },
    });
    server.stdout!.on('data', (d) => (log += d));
    server.stderr!.on('data', (d) => (log += d));
    await waitFor('first build', async () => (await page()).includes('Philips van Horne'), 120_000);
    // let the file watchers finish their initial scan before the first edit
    await new Promise((r) => setTimeout(r, 1500));
  }, 150_000);

  afterAll(() => {
    server?.kill();
  });

  it('should serve on the port given with --port and say so', () => {
    expect(log).toContain(`Dev server op http://localhost:${new URL(base).port}/`);
  });

  it('should show an edited case', async () => {
    edit('Een externe procesbegeleider met ervaring', 'Een externe procesbegeleider met veel ervaring');
    await waitFor('edit visible', async () => (await page()).includes('Een externe procesbegeleider met veel ervaring'));
  }, 120_000);

  it('should keep serving and show the error with file and line after an invalid edit', async () => {
    edit('provincie: limburg', 'provincie: limburgg');
    await waitFor('error shown', async () => (await page()).includes('problems-title'));
    const html = await page();
    expect(html).toContain(`weert.md:4:12</code> &quot;limburgg&quot; is geen toegestane waarde voor &quot;provincie&quot; — bedoel je &quot;limburg&quot;?`);
    // the last good version stays visible below the message
    expect(html).toContain('Een externe procesbegeleider met veel ervaring');
    expect(server.exitCode).toBeNull();
    expect(log).toContain('weert.md:4:12  fout:');
  }, 120_000);

  it('should recover without a restart when the file is fixed', async () => {
    edit('provincie: limburgg', 'provincie: limburg');
    await waitFor('error gone', async () => !(await page()).includes('problems-title'));
    expect(await page()).toContain('Een externe procesbegeleider met veel ervaring');
    expect(server.exitCode).toBeNull();
  }, 120_000);

  it('should show a broken data file as an error and recover when it is fixed, without a restart', async () => {
    const places = readFileSync(file('places.yml'), 'utf8');
    writeFileSync(file('places.yml'), ALIAS_BOMB);
    await waitFor('data error shown', async () => (await page('/')).includes('places.yml:2:8</code> YAML klopt niet: de verwijzingen'));
    writeFileSync(file('places.yml'), places);
    await waitFor('data error gone', async () => !(await page('/')).includes('problems-title'));
    edit('Een externe procesbegeleider met veel ervaring', 'Een externe procesbegeleider met ruime ervaring');
    await waitFor('next edit visible', async () => (await page()).includes('met ruime ervaring'));
    expect(log).not.toContain('has not yet initialized');
    expect(server.exitCode).toBeNull();
  }, 180_000);

  it('should follow a renamed case: the new page, no old page, lists and search index updated', async () => {
    // a case of its own: every real case is cited by a note, so renaming one would be an error
    writeFileSync(file('cases/proefcase.md'), readFileSync(file(), 'utf8').replace('titel: Leerlab Weert', 'titel: Leerlab Proefcase'));
    await waitFor('new case', async () => (await get('/cases/proefcase/')).status === 200);
    renameSync(file('cases/proefcase.md'), file('cases/proefcase-twee.md'));
    await waitFor('renamed page', async () => (await get('/cases/proefcase-twee/')).status === 200 && (await get('/cases/proefcase/')).status === 404);
    await waitFor('search index written', async () => searchDocuments().includes('/cases/proefcase-twee/'));
    const list = await page('/cases/');
    expect(list).toContain('href="/cases/proefcase-twee/"');
    expect(list).not.toContain('href="/cases/proefcase/"');
    const docs = searchDocuments();
    expect(docs).toContain('/cases/proefcase-twee/');
    expect(docs).not.toContain('/cases/proefcase/');
  }, 180_000);

  it('should follow a deleted case: its page gone, and gone from the lists and the search index', async () => {
    rmSync(file('cases/proefcase-twee.md'));
    await waitFor('page gone', async () => (await get('/cases/proefcase-twee/')).status === 404);
    await waitFor('lists updated', async () => !(await page('/cases/')).includes('Leerlab Proefcase'));
    await waitFor('search index updated', async () => !searchDocuments().includes('proefcase'));
    expect(await page('/matrix/')).not.toContain('proefcase');
    expect(server.exitCode).toBeNull();
  }, 120_000);

  it('should end with the same pages as a fresh build of the same sources', async () => {
    const fresh = join(mkdtempSync(join(tmpdir(), 'kb-dev-fresh-')), 'site');
    const r = cli(['build', '--sources', src, '--out', fresh, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    // passthrough copies (assets) are served from the source in dev mode; the marker is the CLI's
    const pages = (dir: string) => Object.fromEntries(Object.entries(treeHashes(dir)).filter(([p]) => !p.startsWith('assets/') && p !== '.kennisbank-site'));
    expect(pages(out)).toEqual(pages(fresh));
    // marked like a build, so `npm run build` may later replace the dev server's folder
    expect(existsSync(join(out, '.kennisbank-site'))).toBe(true);
  }, 180_000);
});

describe('npm run dev with a wrong option', () => {
  it.each([
    [['--port', 'abc'], '--port "abc" is geen poortnummer; kies een getal van 1 tot 65535, bijvoorbeeld --port 8081.'],
    [['--port', '70000'], '--port "70000" is geen poortnummer; kies een getal van 1 tot 65535, bijvoorbeeld --port 8081.'],
    [['--port'], 'De optie --port heeft een waarde nodig (bijvoorbeeld --port 8081), of neemt er juist geen.'],
    [['--poort', '8081'], 'Onbekende optie --poort.'],
  ])('should refuse %j with one Dutch line and exit 2, before any watcher starts', (args, message) => {
    const r = cli(['dev', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(message);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('should print its usage for --help with exit 0', () => {
    const r = cli(['dev', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--port N                een andere poort dan 8080');
  });
});
