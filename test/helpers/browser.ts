// Browser-test harness: Debian's Chromium driven by playwright-core, the built site served on
// 127.0.0.1 at a random free port. No network beyond loopback.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Fails with the exact command to run when Chromium is missing; never skips silently. */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() === 0) {
    try {
      execFileSync('bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], { stdio: 'inherit', timeout: 600_000 });
    } catch {
      /* reported below */
    }
    if (existsSync(CHROMIUM)) return;
  }
  throw new Error(`Chromium ontbreekt (${CHROMIUM}). Installeer het met: sudo apt-get update && sudo apt-get install -y chromium`);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Headers from a Netlify-style `_headers` file: `/*` and exact paths, each followed by indented
 * `Name: value` lines. The site emits one (site/_config/security.js); the test server sends them
 * like a host would, so the browser tests run under the real header CSP.
 */
function readHeaders(root: string): (path: string) => [string, string][] {
  const file = join(root, '_headers');
  if (!existsSync(file)) return () => [];
  const rules: { pattern: string; headers: [string, string][] }[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const i = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
    }
  }
  return (path) => rules.filter((r) => r.pattern === '/*' || r.pattern === path).flatMap((r) => r.headers);
}

/** Serve a folder like a static host: `/x/` → `/x/index.html`, the site's 404.html otherwise, with its `_headers`. */
export async function serve(dir: string, port = 0): Promise<StaticServer> {
  const root = resolve(dir);
  const headersFor = readHeaders(root);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let p = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!p.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(p) && statSync(p).isDirectory()) p = join(p, 'index.html');
    for (const [k, v] of headersFor(url.pathname)) res.setHeader(k, v);
    if (!existsSync(p)) {
      const page = join(root, '404.html');
      if (existsSync(page)) res.writeHead(404, { 'content-type': TYPES['.html'] }).end(readFileSync(page));
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('niet gevonden');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(p)] ?? 'application/octet-stream' });
    res.end(readFileSync(p));
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const addr = server.address() as { port: number };
  return { url: `http://127.0.0.1:${addr.port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

export async function launch(): Promise<Browser> {
  ensureChromium();
  // playwright gives every non-persistent launch a fresh, temporary profile (its own --user-data-dir)
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Collect console errors and failed requests of a page, to assert there are none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  return errors;
}

/**
 * Run axe-core in the page and return its violations (id and the first targets).
 * The page's strict CSP blocks injected scripts: open it in a context with `bypassCSP: true`.
 */
export async function axe(page: Page): Promise<{ id: string; impact: string | null; help: string; targets: string[] }[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  return page.evaluate(async () => {
    // @ts-expect-error injected global
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
}
