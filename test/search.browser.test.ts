// Search in real Chromium on the real corpus (built once into a temporary folder): the worker and
// the index load on first use, a concept question shows the theme card and results grouped per
// case, the shard loader fetches only what a query needs, facets follow the query and live in the
// URL (on a large index the theme facet is counted when asked), hostile links are handled with a
// visible note, keyboard-only use, no layout shift, the no-JavaScript fallback and accessibility. No timings are asserted: budgets are in npm run bench.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neededKeys } from '../search/core/rank.ts';
import { openSiteEngine } from '../search/node.ts';
import { axe, launch, serve, watchErrors, type StaticServer } from './helpers/browser.ts';
import { cli } from './helpers/cli.ts';

let browser: Browser;
let server: StaticServer;
let tmp: string;
let site: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'kb-search-browser-'));
  site = join(tmp, 'site');
  const r = cli(['build', '--out', site, '--quiet']);
  if (r.code !== 0) throw new Error(`build failed:\n${r.stderr}`);
  server = await serve(site);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function open(path: string, opts: { javaScriptEnabled?: boolean; bypassCSP?: boolean; viewport?: { width: number; height: number }; largeThemes?: boolean } = {}): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const context = await browser.newContext({ javaScriptEnabled: opts.javaScriptEnabled ?? true, bypassCSP: opts.bypassCSP ?? false, viewport: opts.viewport ?? { width: 1280, height: 900 } });
  // an index whose theme column is as large as at 10 000 cases: meta.json says so
  if (opts.largeThemes)
    await context.route('**/search/meta.json', async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, json: { ...(await res.json()), themesBytes: 250_000 } });
    });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const requests: string[] = [];
  // requests of the page and of its worker both pass through the context
  context.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${server.url}${path}`);
  return { page, errors, requests };
}

/** Wait until the page has rendered the results of query q; the groups and their findings. */
async function results(page: Page, q: string) {
  await page.waitForFunction((qq) => document.getElementById('results')?.dataset.query === qq, q, { timeout: 30_000 });
  return page.evaluate(() => {
    const el = document.getElementById('results')!;
    return {
      groups: Array.from(el.querySelectorAll(':scope > .result'), (li) => ({
        title: li.querySelector('.result__title a')!.getAttribute('href')!,
        findings: Array.from(li.querySelectorAll('.result__findings:not([hidden]) .result-finding a'), (a) => a.getAttribute('href')!),
      })),
      count: Number(el.dataset.count),
    };
  });
}

async function typeQuery(page: Page, q: string) {
  await page.fill('#q', q);
  return results(page, q);
}

const facetCounts = (page: Page, key: string) =>
  page.evaluate((k) => Object.fromEntries(Array.from(document.querySelectorAll(`#facets input[name="${k}"]`), (b) => [(b as HTMLInputElement).value, Number(b.parentElement!.querySelector('.facet-count')!.getAttribute('data-count'))])), key);

describe('zoeken in de browser', () => {
  it('starts the worker and loads the index only on first use, and finds the expected case first', async () => {
    const { page, errors, requests } = await open('/zoeken/');
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
    await page.waitForLoadState('networkidle');
    expect(requests.filter((p) => /\/search\/|search-worker/.test(p))).toEqual([]);
    await page.focus('#q');
    const r = await typeQuery(page, 'Weert');
    expect(workers).toEqual(['/assets/js/search-worker.js']);
    expect(requests).toEqual(expect.arrayContaining(['/assets/js/search-worker.js', '/search/meta.json', '/search/pages.bin', '/search/themes.bin']));
    // lunr and the index are in the worker: the page itself loaded one small script
    expect(requests.filter((p) => p.endsWith('.js'))).toEqual(['/assets/js/search.js', '/assets/js/search-worker.js']);
    expect(r.groups[0].title).toBe('/cases/weert/');
    expect((await typeQuery(page, 'geintegreerde leerroute')).groups.slice(0, 3).map((g) => g.title).join(' ')).toMatch(/landstede/);
    const bosch = await typeQuery(page, 'Den Bosch');
    expect(bosch.groups.slice(0, 2).map((g) => g.title)).toContain('/cases/s-hertogenbosch/');
    const first = await page.$eval('#results .result', (li) => ({ marks: Array.from(li.querySelectorAll('mark'), (m) => m.textContent), meta: li.querySelector('.result__meta')?.textContent }));
    expect(first.marks).toEqual(expect.arrayContaining(['Den', 'Bosch']));
    expect(await page.textContent('#search-status')).toMatch(/resultaten? in \d+ (cases en notities|case of notitie) voor “Den Bosch”/);
    await typeQuery(page, 'kernfusie');
    expect(await page.textContent('#search-status')).toMatch(/Niets gevonden/);
    expect(errors).toEqual([]);
  });

  it('follows fast typing: the results shown are those of the whole query, as a link to it shows them', async () => {
    const direct = await open('/zoeken/?q=roosterproblemen');
    const expected = await results(direct.page, 'roosterproblemen');
    const { page, errors } = await open('/zoeken/');
    // typed key by key while the index loads and searches: earlier queries are dropped, not shown last
    await page.type('#q', 'roosterproblemen');
    const r = await results(page, 'roosterproblemen');
    expect(r.groups.length).toBeGreaterThan(0);
    expect(r).toEqual(expected);
    expect(await page.textContent('#search-status')).toMatch(/voor “roosterproblemen”/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('roosterproblemen');
    expect([...errors, ...direct.errors]).toEqual([]);
  });

  it('shows a concept question’s theme card above results grouped per case, findings deep-linked beneath', async () => {
    const { page, errors } = await open(`/zoeken/?q=${encodeURIComponent('bestuurlijk commitment')}`);
    const r = await results(page, 'bestuurlijk commitment');
    const card = await page.$eval('#search-cards .result-card--thema', (c) => ({ title: c.querySelector('h2')!.textContent, href: c.querySelector('h2 a')!.getAttribute('href'), links: Array.from(c.querySelectorAll('.result-card__links a'), (a) => a.getAttribute('href')) }));
    expect(card.title).toMatch(/Draagvlak/);
    expect(card.href).toBe('/themas/draagvlak/');
    expect(card.links).toContain('/themas/draagvlak/');
    expect(card.links).toContain('/themas/draagvlak/brief/');
    // the card comes before the results
    expect(await page.evaluate(() => !!(document.getElementById('search-cards')!.compareDocumentPosition(document.getElementById('results')!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
    const titles = r.groups.map((g) => g.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(r.groups.length).toBeGreaterThanOrEqual(5);
    for (const g of r.groups) {
      expect(g.findings.length).toBeLessThanOrEqual(3);
      for (const f of g.findings) expect(f.startsWith(`${g.title}#`)).toBe(true);
    }
    expect(r.groups.slice(0, 5).filter((g) => g.findings.length).length).toBeGreaterThanOrEqual(4);
    // the other matching findings of a case open in place
    const more = page.locator('.result__more').first();
    if (await more.count()) {
      await more.click();
      expect(await page.evaluate(() => document.activeElement?.closest('.result__findings--more') !== null)).toBe(true);
    }
    // a finding link lands on the finding
    await page.click('#results .result-finding a');
    await page.waitForURL(/#/);
    const target = new URL(page.url()).hash.slice(1);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(decodeURIComponent(target));
    expect(errors).toEqual([]);
  });

  it('corrects a typing error and says in the status line what it searched for, with the results of the right spelling', async () => {
    const { page, errors } = await open('/zoeken/');
    await page.focus('#q');
    const right = await typeQuery(page, 'doorlopende leerroute');
    expect(await page.locator('#search-status em').count()).toBe(0);
    const typo = await typeQuery(page, 'doorlopnde leerroute');
    expect(typo.groups.map((g) => g.title)).toEqual(right.groups.map((g) => g.title));
    expect(typo.groups.length).toBeGreaterThanOrEqual(5);
    const status = page.locator('#search-status');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.textContent()).toMatch(/^Gezocht op doorlopende leerroute \(voor doorlopnde leerroute\)\. \d+ resultaten in \d+ cases en notities/);
    expect(await page.locator('#search-status em').allTextContents()).toEqual(['doorlopende']);
    // a theme named with a typing error: its card and its findings
    const theme = await typeQuery(page, 'procesbegleiding');
    expect(await status.textContent()).toMatch(/^Gezocht op procesbegeleiding \(voor procesbegleiding\)\./);
    expect(await page.$eval('#search-cards .result-card--thema h2 a', (a) => a.getAttribute('href'))).toBe('/themas/procesbegeleiding/');
    expect(theme.groups.length).toBeGreaterThanOrEqual(5);
    expect(errors).toEqual([]);
  });

  it('fetches only the shards a query needs: the same ones the engine asks for in Node', async () => {
    const engine = await openSiteEngine(site);
    const predict = (q: string) => {
      const need = neededKeys(engine.analyse(q));
      return [...new Set([...need.keys, ...need.prefixes].map((k) => `/search/t/${engine.shardOf(k)}.bin`))].sort();
    };
    const { page, requests, errors } = await open('/zoeken/');
    await page.focus('#q');
    await typeQuery(page, 'supercoach');
    const shards = () => requests.filter((p) => p.startsWith('/search/t/'));
    expect(shards().sort()).toEqual(predict('supercoach'));
    expect(shards().length).toBeLessThan(engine.meta.shards.length);
    const before = requests.length;
    await page.fill('#q', '');
    await page.waitForFunction(() => document.getElementById('results')!.childElementCount === 0);
    await typeQuery(page, 'supercoach');
    expect(requests.length).toBe(before); // everything cached
    expect(errors).toEqual([]);
  });

  it('filters with facets whose counts follow the query, keeps the state in the URL, and Back restores it', async () => {
    const { page, errors } = await open('/zoeken/');
    await page.focus('#q');
    const all = await typeQuery(page, 'stage');
    const themesBefore = await facetCounts(page, 'thema');
    expect(themesBefore.beroepspraktijk).toBeGreaterThan(0);
    await typeQuery(page, 'LOB');
    expect((await facetCounts(page, 'thema')).lob).not.toBe(themesBefore.lob);
    expect((await typeQuery(page, 'stage')).count).toBe(all.count);

    await page.check('#facets input[name="type"][value="succesfactor"]');
    await page.waitForFunction((n) => Number(document.getElementById('results')!.dataset.count) < n, all.count);
    const filtered = await results(page, 'stage');
    expect(filtered.count).toBe((await facetCounts(page, 'type')).succesfactor);
    expect(new URL(page.url()).search).toBe('?q=stage&type=succesfactor');
    expect(await page.$$eval('#results .result-finding .type-label', (ls) => ls.every((l) => l.classList.contains('type-label--succesfactor')))).toBe(true);

    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('type'));
    await page.waitForFunction((n) => Number(document.getElementById('results')!.dataset.count) === n, all.count);

    const shared = await open('/zoeken/?q=stage&type=succesfactor');
    expect((await results(shared.page, 'stage')).count).toBe(filtered.count);
    expect(await shared.page.inputValue('#q')).toBe('stage');
    expect(await shared.page.isChecked('#facets input[name="type"][value="succesfactor"]')).toBe(true);
    expect([...errors, ...shared.errors]).toEqual([]);
  });

  it('on a large index counts the theme facet when asked: the theme column is fetched then, once', async () => {
    const engine = await openSiteEngine(site);
    const want = (await engine.search({ q: 'stage', filters: {} })).facets.thema;
    const { page, requests, errors } = await open('/zoeken/?q=stage', { largeThemes: true });
    const r = await results(page, 'stage');
    expect(r.count).toBeGreaterThan(0);
    expect(requests).toContain('/search/pages.bin');
    expect(requests).not.toContain('/search/themes.bin');
    expect(await facetCounts(page, 'thema')).toEqual({});
    expect((await facetCounts(page, 'type')).knelpunt).toBeGreaterThan(0);
    const button = page.locator('#facet-thema button');
    expect(await button.textContent()).toBe('Tel per thema');
    await button.click();
    await page.waitForSelector('#facet-thema input');
    expect(await facetCounts(page, 'thema')).toEqual(Object.fromEntries(want.map(([v, , n]) => [v, n])));
    expect(await page.evaluate(() => document.activeElement?.closest('#facet-thema') !== null)).toBe(true);
    expect((await results(page, 'stage')).groups).toEqual(r.groups);
    // later queries count it too, without fetching it again; a theme filter works
    await typeQuery(page, 'LOB');
    await page.waitForSelector('#facet-thema input');
    await page.check('#facets input[name="thema"][value="lob"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('thema') === 'lob');
    expect(requests.filter((p) => p === '/search/themes.bin')).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('handles hostile links with a visible note: unknown facet values, a 10 000-character query', async () => {
    for (const [path, q] of [
      ['/zoeken/?q=stage&thema=__proto__', 'stage'],
      ['/zoeken/?q=stage&type=toString&thema=constructor', 'stage'],
    ]) {
      const { page, errors } = await open(path);
      await results(page, q);
      const notes = await page.textContent('#search-notes');
      expect(await page.isVisible('#search-notes')).toBe(true);
      expect(notes).toMatch(/bestaat niet en is genegeerd/);
      const facets = await page.textContent('#facets');
      expect(facets).not.toMatch(/\[object|function|native code/);
      expect(errors).toEqual([]);
    }
    const long = `stage ${'a'.repeat(10_000)}`;
    const { page, errors } = await open(`/zoeken/?q=${long}`);
    await page.waitForFunction(() => document.getElementById('results')?.dataset.query !== undefined && document.getElementById('results')!.dataset.query !== '', null, { timeout: 30_000 });
    expect((await page.inputValue('#q')).length).toBeLessThanOrEqual(200);
    expect(await page.isVisible('#search-notes')).toBe(true);
    expect(await page.textContent('#search-notes')).toMatch(/ingekort/);
    expect(await page.getAttribute('#q', 'maxlength')).toBe('200');
    expect(errors).toEqual([]);
  });

  it('works with the keyboard only: Tab to the field, type, arrow down, Enter lands on the finding', async () => {
    const { page, errors } = await open('/zoeken/');
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.id)) === 'q') break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.type('supercoach');
    const r = await results(page, 'supercoach');
    expect(r.groups[0].findings[0]).toBe('/cases/amsterdam-ijburg/#supercoach');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(r.groups[0].title);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(r.groups[0].findings[0]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/cases\/amsterdam-ijburg\/#supercoach$/);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('supercoach');
    expect(errors).toEqual([]);
  });

  it('shows results without moving the page (no layout shift), on a phone and on a desktop', async () => {
    for (const viewport of [{ width: 375, height: 740 }, { width: 1280, height: 900 }]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      // observe from the first paint: buffered layout-shift entries of the whole load
      await page.addInitScript(() => {
        (window as unknown as { __shifts: number[] }).__shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) (window as unknown as { __shifts: number[] }).__shifts.push(e.value);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${server.url}/zoeken/?q=${encodeURIComponent('bestuurlijk commitment')}`);
      await results(page, 'bestuurlijk commitment');
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      const shifts = await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts);
      expect(shifts, JSON.stringify(viewport)).toEqual([]);
      await context.close();
    }
  });

  it('without JavaScript shows a short message leading to the themes and regions', async () => {
    const { page } = await open('/zoeken/?q=stage', { javaScriptEnabled: false });
    expect(await page.textContent('.noscript-msg')).toMatch(/JavaScript/);
    const hrefs = await page.$$eval('.noscript-msg a', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(expect.arrayContaining(['/themas/', '/provincies/']));
    const { page: home } = await open('/');
    await home.fill('#header-q', 'Assen');
    await home.press('#header-q', 'Enter');
    await home.waitForURL(/\/zoeken\/\?q=Assen$/);
    expect((await results(home, 'Assen')).groups[0].title).toBe('/cases/noord-drenthe/');
  });

  it('has no axe violations with a card, results and facets shown', async () => {
    const { page } = await open(`/zoeken/?q=${encodeURIComponent('bestuurlijk commitment')}&thema=draagvlak`, { bypassCSP: true });
    await results(page, 'bestuurlijk commitment');
    expect(await page.isVisible('#search-cards .result-card')).toBe(true);
    expect(await axe(page)).toEqual([]);
  });
});
