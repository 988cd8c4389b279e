// The built site in real Chromium: navigation a beleidsmaker follows, province and matrix
// correctness, compare, and per page type: accessibility (axe at 1280 and 320 px), heading levels,
// the current section in the menu, console errors, privacy (no cookies, storage or third parties),
// reflow at 320 px with WCAG 1.4.12 text spacing and at 375 px; layout shift on compare; screenshots,
// the 404 page, and a crawl for broken internal links and anchors. Served with the site's own _headers.
import { mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, launch, serve, watchErrors, type StaticServer } from './helpers/browser.ts';
import { cli } from './helpers/cli.ts';
import { PROJECT_ROOT } from './helpers/corpus.ts';
import { htmlPages } from './helpers/site.ts';

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
  ['themabrief', '/themas/relatie-en-vertrouwen/brief/'],
  ['provinces', '/provincies/'],
  ['province', '/provincies/noord-holland/'],
  ['provinciebrief', '/provincies/noord-holland/brief/'],
  ['threads', '/rode-draden/'],
  ['thread', '/rode-draden/thema-docentuitwisseling/'],
  ['matrix', '/matrix/'],
  ['compare', '/vergelijk/?a=helmond&b=heerhugowaard'],
  ['method', '/methode/'],
  ['authors', '/auteurs/'],
  ['exports', '/exports/'],
  ['statement', '/toegankelijkheid/'],
  ['colofon', '/colofon/'],
  ['licences', '/licenties/'],
  ['privacy', '/privacy/'],
  ['not-found', '/deze-pagina-bestaat-niet/'],
];

/** The main-menu item each page type belongs to, and how (aria-current="page" or "true"). */
const SECTION: Record<string, string | null> = {
  home: null, cases: 'Cases page', 'cases-filter': 'Cases true', case: 'Cases true', note: null, themes: "Thema's page", theme: "Thema's true", themabrief: "Thema's true",
  provinces: "Regio's page", province: "Regio's true", provinciebrief: "Regio's true", threads: 'Rode draden page', thread: 'Rode draden true', matrix: 'Matrix page', compare: null,
  method: 'Methode page', authors: null, exports: null, statement: null, colofon: null, licences: null, privacy: null, 'not-found': null,
};

/** WCAG 1.4.12: line height 1.5, paragraph spacing 2, letter spacing 0.12, word spacing 0.16 (× font size). */
const TEXT_SPACING = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';

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

async function open(path: string, opts: { width?: number; bypassCSP?: boolean } = {}): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const ctx = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: 900 }, bypassCSP: opts.bypassCSP ?? false });
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(server.url + path, { waitUntil: 'networkidle' });
  // the 404 page is served with status 404, which Chromium logs; that is the point of the page
  if (path.startsWith('/deze-pagina-bestaat-niet')) errors.splice(0, errors.length, ...errors.filter((e) => !e.includes('404')));
  return { page, errors, requests };
}

/** Headings in document order with their level; hidden ones (display: none, [hidden], closed details) left out. */
const headings = (page: Page) =>
  page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.filter((h) => h.checkVisibility()).map((h) => ({ level: Number(h.tagName[1]), text: (h.textContent ?? '').trim().slice(0, 60) })));

/** Levels that skip: a heading more than one level below the one before it, or a page not starting at h1. */
function skips(hs: { level: number; text: string }[]): string[] {
  const out: string[] = [];
  hs.forEach((h, i) => {
    const prev = i === 0 ? 0 : hs[i - 1].level;
    if (h.level > prev + 1) out.push(`h${prev} → h${h.level} "${h.text}"`);
  });
  if (hs.filter((h) => h.level === 1).length !== 1) out.push(`${hs.filter((h) => h.level === 1).length} h1 elements`);
  return out;
}

/** Layout-shift entries recorded from the start of the page (installed before any script runs). */
async function recordShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __shifts: { value: number; input: boolean }[] };
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) w.__shifts.push({ value: e.value, input: e.hadRecentInput });
    }).observe({ type: 'layout-shift', buffered: true });
  });
}
const shifts = (page: Page) => page.evaluate(async () => {
  await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  await new Promise((ok) => setTimeout(ok, 300));
  return (window as unknown as { __shifts: { value: number; input: boolean }[] }).__shifts;
});

/** Horizontal overflow of the page (px beyond 1) and the first elements that stick out, outside scroll boxes. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = Array.from(document.querySelectorAll('body *'))
      .filter((e) => !e.closest('.table-scroll, pre') && e.getBoundingClientRect().right > width + 1)
      .map((e) => `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(' ')[0]}` : ''} "${(e.textContent ?? '').trim().slice(0, 40)}"`);
    return { scroll: Math.max(0, document.documentElement.scrollWidth - width - 1), wide: wide.slice(0, 3) };
  });

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
    // the click returns once the navigation commits; the theme page's findings are there once it has loaded
    await page.waitForURL(/\/themas\/relatie-en-vertrouwen\/#noord-west-veluwe$/);
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

  it('should say which case of a compare link does not exist, and never render markup from the link', async () => {
    const { page, errors } = await open('/vergelijk/?a=helmond&b=bestaat-niet%3Cimg%20src%3Dx%3E');
    const note = page.locator('#compare-result p');
    await note.waitFor();
    expect(await note.textContent()).toBe('"bestaat-niet<img src=x>" is geen case in de kennisbank (meer). Kies twee cases in het formulier.');
    expect(await page.locator('#compare-result img').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(PAGE_TYPES)('should have no axe violations at 1280 and 320 px, no console errors, no heading skips, the current section marked, nothing stored or fetched elsewhere, and no horizontal scrolling at 320 px with WCAG 1.4.12 text spacing on %s', async (name, path) => {
    for (const width of [1280, 320]) {
      const { page, errors, requests } = await open(path, { bypassCSP: true, width });
      if (name === 'compare') await page.waitForSelector('#shared-themes');
      if (width === 1280) await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`) });
      const violations = await axe(page);
      expect([width, violations], JSON.stringify(violations, null, 2)).toEqual([width, []]);
      expect(errors).toEqual([]);
      expect(skips(await headings(page))).toEqual([]);
      const current = await page.$$eval('nav[aria-label="Hoofdmenu"] a[aria-current]', (as) => as.map((a) => `${a.textContent} ${a.getAttribute('aria-current')}`));
      expect(current).toEqual(SECTION[name] ? [SECTION[name]] : []);
      expect(await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length])).toEqual(['', 0, 0]);
      expect(await page.context().cookies()).toEqual([]);
      expect(requests.filter((u) => !u.startsWith(`${server.url}/`) && !u.startsWith('data:'))).toEqual([]);
      expect(requests.length).toBeGreaterThan(1);
      if (width === 320) await page.addStyleTag({ content: TEXT_SPACING });
      expect([width, await overflow(page)]).toEqual([width, { scroll: 0, wide: [] }]);
      await page.context().close();
    }
  }, 120_000);

  // The search page is not checked here yet: its results still push the page (CLS 0.19 at 375 px and
  // 0.39 at 1280 px for /zoeken/?q=lob when this test was written); that is the search page's work.
  it('should not shift the layout while compare loads two cases, nor when the visitor picks two others', async () => {
    for (const width of [1280, 375]) {
      const ctx = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await ctx.newPage();
      await recordShifts(page);
      await page.goto(`${server.url}/vergelijk/?a=helmond&b=heerhugowaard`, { waitUntil: 'networkidle' });
      await page.waitForSelector('#shared-themes');
      expect([width, await shifts(page)]).toEqual([width, []]);
      await page.selectOption('#case-a', 'weert');
      await page.selectOption('#case-b', 'stadskanaal');
      await page.getByRole('button', { name: 'Vergelijk' }).click();
      await page.waitForFunction(() => document.querySelector('#compare-result h2')?.textContent?.includes('Weert'));
      const late = (await shifts(page)).filter((s) => !s.input);
      expect([width, late]).toEqual([width, []]);
      await ctx.close();
    }
  });

  it('should let a keyboard user skip to the content', async () => {
    const { page } = await open('/themas/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
    await page.context().close();
  });

  it('should answer an unknown address with the site\'s own 404 page', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const response = await page.goto(`${server.url}/cases/bestaat-niet/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Deze pagina bestaat niet (meer)');
    expect(await page.locator('link[href="/assets/css/site.css"]').count()).toBe(1);
    await ctx.close();
  });

  // 1280 and 320 px (with text spacing) are checked per page type above
  it('should render every page type at 375 px without horizontal overflow, and save screenshots', async () => {
    for (const [name, path] of PAGE_TYPES) {
      const { page } = await open(path, { width: 375 });
      if (name === 'compare') await page.waitForSelector('#shared-themes');
      await page.screenshot({ path: join(SHOTS, `${name}-375.png`) });
      expect([name, await overflow(page)]).toEqual([name, { scroll: 0, wide: [] }]);
      await page.context().close();
    }
  }, 300_000);

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
    const pages = htmlPages(out);
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
