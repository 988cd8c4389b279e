// The built site in real Chromium: navigation a beleidsmaker follows, province and matrix
// correctness, compare, accessibility (axe) and console errors per page type, screenshots, and a
// crawl for broken internal links and anchors.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, launch, serve, watchErrors, type StaticServer } from './helpers/browser.ts';
import { cli } from './helpers/cli.ts';
import { PROJECT_ROOT } from './helpers/corpus.ts';

let out: string;
let server: StaticServer;
let browser: Browser;
const SHOTS = join(PROJECT_ROOT, 'test-output/screenshots');

const PAGE_TYPES: [string, string][] = [
  ['home', '/'],
  ['cases', '/cases/'],
  ['cases-filter', '/cases/provincie/noord-brabant/'],
  ['case', '/cases/weert/'],
  ['note', '/notities/rode-draden-leerlabs/'],
  ['themes', '/themas/'],
  ['theme', '/themas/docentuitwisseling/'],
  ['provinces', '/provincies/'],
  ['province', '/provincies/noord-holland/'],
  ['threads', '/rode-draden/'],
  ['thread', '/rode-draden/thema-docentuitwisseling/'],
  ['matrix', '/matrix/'],
  ['compare', '/vergelijk/?a=helmond&b=heerhugowaard'],
  ['method', '/methode/'],
  ['authors', '/auteurs/'],
  ['exports', '/exports/'],
];

beforeAll(async () => {
  out = join(mkdtempSync(join(tmpdir(), 'kb-site-')), 'site');
  const r = cli(['build', '--out', out, '--quiet']);
  if (r.code !== 0) throw new Error(`build failed:\n${r.stderr}`);
  server = await serve(out);
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, opts: { width?: number; bypassCSP?: boolean } = {}): Promise<{ page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: 900 }, bypassCSP: opts.bypassCSP ?? false });
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url + path, { waitUntil: 'networkidle' });
  return { page, errors };
}

const json = (p: string) => JSON.parse(readFileSync(join(out, p), 'utf8'));

describe('the site in Chromium', () => {
  it('should lead from home to a theme to a case to a finding anchor', async () => {
    const { page } = await open('/');
    await page.getByRole('link', { name: 'Op thema' }).click();
    await page.getByRole('link', { name: 'Uitwisseling van docenten en gastlessen', exact: true }).first().click();
    expect(page.url()).toMatch(/\/themas\/docentuitwisseling\/$/);
    await page.locator('#heerhugowaard').getByRole('link', { name: 'Leerlab Heerhugowaard' }).click();
    expect(page.url()).toMatch(/\/cases\/heerhugowaard\/$/);
    await page.goto(`${server.url}/cases/heerhugowaard/#gastcolleges-pitchen`);
    const target = await page.evaluate(() => document.querySelector(':target')?.id);
    expect(target).toBe('gastcolleges-pitchen');
    await expect(page.locator('#gastcolleges-pitchen').textContent()).resolves.toContain('pitchen');
    await page.close();
  });

  it('should follow a rode draad to a supporting finding and back', async () => {
    const { page } = await open('/rode-draden/rode-draden-leerlabs-het-achtje/');
    await expect(page.locator('h1').textContent()).resolves.toContain('achtje');
    const first = page.locator('#onderbouwing ~ ul.findings li.finding').first().getByRole('link', { name: 'Naar de bevinding' });
    const href = await first.getAttribute('href');
    expect(href).toMatch(/^\/cases\/[a-z-]+\/#[a-z0-9-]+$/);
    await first.click();
    const anchor = href!.split('#')[1];
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(anchor);
    await page.locator(`li#${anchor} a[href="/rode-draden/rode-draden-leerlabs-het-achtje/"]`).click();
    expect(page.url()).toMatch(/\/rode-draden\/rode-draden-leerlabs-het-achtje\/$/);
    await page.close();
  });

  it('should list exactly the cases of a province on its page', async () => {
    const cases: { id: string; title: string; province: string }[] = json('data/cases.json');
    for (const province of ['noord-holland', 'noord-brabant', 'zuid-holland']) {
      const { page } = await open(`/provincies/${province}/`);
      const shown = await page.locator('#cases-in-provincie h3 a').allTextContents();
      expect(shown.sort()).toEqual(cases.filter((c) => c.province === province).map((c) => c.title).sort());
      await page.close();
    }
  });

  it('should lead from a matrix cell to that many findings of the case on the theme', async () => {
    const { page } = await open('/matrix/');
    const row = page.locator('tr', { has: page.getByRole('link', { name: 'Leerlab Noord-West Veluwe', exact: true }) });
    const cell = row.locator('a[href="/themas/relatie-en-vertrouwen/#noord-west-veluwe"]');
    const n = Number(await cell.textContent());
    expect(n).toBeGreaterThan(0);
    await cell.click();
    expect(page.url()).toMatch(/\/themas\/relatie-en-vertrouwen\/#noord-west-veluwe$/);
    const items = page.locator('section:has(h3#noord-west-veluwe) li.finding');
    expect(await items.count()).toBe(n);
    const findings: { case: string; themes: string[] }[] = json('data/findings.json');
    expect(n).toBe(findings.filter((f) => f.case === 'noord-west-veluwe' && f.themes.includes('relatie-en-vertrouwen')).length);
    await page.close();
  });

  it('should show the shared themes of two cases on the compare page', async () => {
    const cases: { id: string; themes: string[] }[] = json('data/cases.json');
    const a = cases.find((c) => c.id === 'helmond')!;
    const b = cases.find((c) => c.id === 'heerhugowaard')!;
    const expected = a.themes.filter((t) => b.themes.includes(t)).sort();
    const { page, errors } = await open('/vergelijk/');
    await page.selectOption('#case-a', 'helmond');
    await page.selectOption('#case-b', 'heerhugowaard');
    await page.getByRole('button', { name: 'Vergelijk' }).click();
    await page.waitForSelector('#shared-themes');
    const shown = await page.locator('#shared-themes a').allTextContents();
    expect(shown.sort()).toEqual(expected);
    expect(page.url()).toContain('?a=helmond&b=heerhugowaard');
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(PAGE_TYPES)('should have no axe violations and no console errors on %s', async (name, path) => {
    const { page, errors } = await open(path, { bypassCSP: true });
    if (name === 'compare') await page.waitForSelector('#shared-themes');
    const violations = await axe(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('should render every page type at 1280, 375 and 360 px without horizontal overflow, and save screenshots at 1280 and 375', async () => {
    for (const width of [1280, 375, 360]) {
      for (const [name, path] of PAGE_TYPES) {
        const { page } = await open(path, { width });
        if (width !== 360) await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`) });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect([name, width, overflow <= 1]).toEqual([name, width, true]);
        await page.context().close();
      }
    }
  }, 120_000);

  it('should work without JavaScript on the browse pages', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/cases/`);
    await page.getByRole('link', { name: /^Limburg \(\d+\)$/ }).click();
    expect(await page.locator('.card-list h3 a').allTextContents()).toEqual(['Leerlab Weert']);
    await ctx.close();
  });
});

describe('links', () => {
  it('should have no broken internal links or anchors', () => {
    const pages = new Map<string, string>();
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (n.endsWith('.html')) pages.set(`/${relative(out, p).replace(/index\.html$/, '')}`, readFileSync(p, 'utf8'));
      }
    };
    walk(out);
    const ids = new Map([...pages].map(([u, html]) => [u, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]))]));
    const broken: string[] = [];
    let checked = 0;
    for (const [from, html] of pages) {
      for (const m of html.matchAll(/\shref="([^"]+)"/g)) {
        const href = m[1].replace(/&amp;/g, '&');
        if (/^(https?:|mailto:|data:)/.test(href)) continue;
        const [pathAndQuery, frag] = href.split('#');
        const path = (pathAndQuery.split('?')[0] || from).replace(/^(?!\/)/, from);
        checked++;
        const file = join(out, path.endsWith('/') ? `${path}index.html` : path);
        let exists = false;
        try {
          exists = statSync(file).isFile();
        } catch {
          exists = false;
        }
        if (!exists) broken.push(`${from} → ${href} (no file)`);
        else if (frag && path.endsWith('/') && !ids.get(path)?.has(decodeURIComponent(frag))) broken.push(`${from} → ${href} (no anchor)`);
      }
    }
    expect(checked).toBeGreaterThan(2000);
    expect(broken).toEqual([]);
  });
});
