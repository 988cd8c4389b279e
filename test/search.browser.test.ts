// Search in real Chromium on the real corpus (built once into a temporary folder): lazy loading,
// the expected case first, facets whose counts follow the query, shareable URL state and the Back
// button, keyboard-only use, the no-JavaScript fallback, accessibility, and the budgets
// (index ≤ 100 KB gzip transferred, query p95 ≤ 5 ms in the page).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, launch, serve, watchErrors, type StaticServer } from './helpers/browser.ts';
import { cli } from './helpers/cli.ts';
import { PROJECT_ROOT } from './helpers/corpus.ts';

const queries: { q: string; expect: string[] }[] = JSON.parse(readFileSync(join(PROJECT_ROOT, 'test/search-queries.json'), 'utf8')).queries;

let browser: Browser;
let server: StaticServer;
let tmp: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'kb-search-browser-'));
  const out = join(tmp, 'site');
  const r = cli(['build', '--out', out, '--quiet']);
  if (r.code !== 0) throw new Error(`build failed:\n${r.stderr}`);
  server = await serve(out);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function open(path: string, opts: { javaScriptEnabled?: boolean; bypassCSP?: boolean } = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ javaScriptEnabled: opts.javaScriptEnabled ?? true, bypassCSP: opts.bypassCSP ?? false });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}${path}`);
  return { page, errors };
}

/** Wait until the page has rendered the results of query q. */
async function results(page: Page, q: string): Promise<{ hrefs: string[]; count: number; searchMs: number }> {
  await page.waitForFunction((qq) => document.getElementById('results')?.dataset.query === qq, q, { timeout: 15_000 });
  return page.evaluate(() => {
    const el = document.getElementById('results')!;
    return { hrefs: Array.from(el.querySelectorAll('.result a')).map((a) => a.getAttribute('href')!), count: Number(el.dataset.count), searchMs: Number(el.dataset.searchMs) };
  });
}

async function typeQuery(page: Page, q: string) {
  await page.fill('#q', q);
  return results(page, q);
}

const facetCounts = (page: Page, key: string) =>
  page.evaluate((k) => Object.fromEntries(Array.from(document.querySelectorAll(`#facets input[name="${k}"]`)).map((b) => [(b as HTMLInputElement).value, Number(b.parentElement!.querySelector('.facet-count')!.getAttribute('data-count'))])), key);

describe('zoeken in de browser', () => {
  it('loads lunr, the core and the index only on first use, and finds the expected case first', async () => {
    const { page, errors } = await open('/zoeken/');
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.waitForTimeout(200);
    expect(requested.filter((p) => /\/search\/|lunr|search-core/.test(p))).toEqual([]);
    await page.focus('#q');
    const r = await typeQuery(page, 'Weert');
    expect(requested).toEqual(expect.arrayContaining(['/assets/vendor/lunr.min.js', '/assets/vendor/lunr.stemmer.support.min.js', '/assets/vendor/lunr.nl.min.js', '/assets/js/search-core.js', '/search/index.json', '/search/docs.json']));
    expect(r.hrefs[0]).toBe('/cases/weert/');
    // diacritics typed without, and an abbreviation through the codebook
    expect((await typeQuery(page, 'geintegreerde leerroute')).hrefs[0]).toMatch(/landstede/);
    expect((await typeQuery(page, 'Den Bosch')).hrefs.slice(0, 2)).toContain('/cases/s-hertogenbosch/');
    const first = await page.$eval('#results .result', (li) => ({ marks: Array.from(li.querySelectorAll('mark')).map((m) => m.textContent), meta: li.querySelector('.result__meta')?.textContent }));
    expect(first.marks).toEqual(expect.arrayContaining(['Den', 'Bosch']));
    expect(first.meta).toMatch(/Noord-Brabant/);
    expect(await page.textContent('#search-status')).toMatch(/resultaten? voor “Den Bosch”/);
    await typeQuery(page, 'kernfusie');
    expect(await page.textContent('#search-status')).toMatch(/Niets gevonden/);
    expect(errors).toEqual([]);
  });

  it('filters with facets whose counts follow the query, keeps the state in the URL, and Back restores it', async () => {
    const { page, errors } = await open('/zoeken/');
    await page.focus('#q');
    const all = await typeQuery(page, 'stage');
    const provincesBefore = await facetCounts(page, 'provincie');
    const themesBefore = await facetCounts(page, 'thema');
    expect(themesBefore.beroepspraktijk).toBeGreaterThan(0);
    // another query, other counts
    await typeQuery(page, 'LOB');
    const themesLob = await facetCounts(page, 'thema');
    expect(themesLob.lob).not.toBe(themesBefore.lob);
    const back = await typeQuery(page, 'stage');
    expect(back.count).toBe(all.count);

    // apply a facet: fewer results, other counts, and the URL carries it
    await page.check('#facets input[name="type"][value="succesfactor"]');
    await page.waitForFunction((n) => Number(document.getElementById('results')!.dataset.count) < n, all.count);
    const filtered = await results(page, 'stage');
    expect(filtered.count).toBe((await facetCounts(page, 'type')).succesfactor);
    const provincesAfter = await facetCounts(page, 'provincie');
    expect(provincesAfter).not.toEqual(provincesBefore);
    expect(new URL(page.url()).search).toBe('?q=stage&type=succesfactor');
    const shownFiltered = filtered.hrefs;

    // a second facet (AND across facets)
    const province = Object.entries(provincesAfter).sort((a, b) => b[1] - a[1])[0][0];
    await page.check(`#facets input[name="provincie"][value="${province}"]`);
    await page.waitForFunction(() => new URL(location.href).searchParams.has('provincie'));
    const twice = await results(page, 'stage');
    expect(twice.count).toBe(provincesAfter[province]);

    // Back: the previous state, from the URL
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('provincie'));
    await page.waitForFunction((n) => Number(document.getElementById('results')!.dataset.count) === n, filtered.count);
    expect(await page.isChecked('#facets input[name="type"][value="succesfactor"]')).toBe(true);

    // the shared URL in a fresh page gives the same state
    const shared = await open('/zoeken/?q=stage&type=succesfactor');
    const again = await results(shared.page, 'stage');
    expect(await shared.page.inputValue('#q')).toBe('stage');
    expect(await shared.page.isChecked('#facets input[name="type"][value="succesfactor"]')).toBe(true);
    expect(again.hrefs).toEqual(shownFiltered);
    expect([...errors, ...shared.errors]).toEqual([]);
  });

  it('works with the keyboard only: Tab to the field, type, arrow down, Enter lands on the finding', async () => {
    const { page, errors } = await open('/zoeken/');
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.id)) === 'q') break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    expect(await page.evaluate(() => document.querySelector('label[for="q"]')?.textContent)).toBeTruthy();
    await page.keyboard.type('supercoach');
    const r = await results(page, 'supercoach');
    expect(r.hrefs[0]).toBe('/cases/amsterdam-ijburg/#supercoach');
    expect(await page.getAttribute('#search-status', 'aria-live')).toBe('polite');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(r.hrefs[0]);
    if (r.hrefs.length > 1) {
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(r.hrefs[1]);
      await page.keyboard.press('ArrowUp');
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/cases\/amsterdam-ijburg\/#supercoach$/);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('supercoach');
    expect(errors).toEqual([]);
  });

  it('without JavaScript shows a short message leading to the themes and regions', async () => {
    const { page } = await open('/zoeken/?q=stage', { javaScriptEnabled: false });
    const msg = await page.textContent('.noscript-msg');
    expect(msg).toMatch(/JavaScript/);
    const hrefs = await page.$$eval('.noscript-msg a', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(expect.arrayContaining(['/themas/', '/provincies/']));
    // the header search field is on every page and leads here
    const { page: home } = await open('/');
    expect(await home.getAttribute('form.header-search', 'action')).toBe('/zoeken/');
    await home.fill('#header-q', 'Assen');
    await home.press('#header-q', 'Enter');
    await home.waitForURL(/\/zoeken\/\?q=Assen$/);
    expect((await results(home, 'Assen')).hrefs[0]).toBe('/cases/noord-drenthe/');
  });

  it('has no axe violations with results and facets shown', async () => {
    const { page } = await open('/zoeken/?q=docenten&thema=docentrol', { bypassCSP: true });
    await results(page, 'docenten');
    expect(await axe(page)).toEqual([]);
  });

  it('stays within budget: index ≤ 100 KB gzip transferred, query p95 ≤ 5 ms in the page', async () => {
    const { page, errors } = await open('/zoeken/');
    const bodies = new Map<string, Buffer>();
    page.on('response', async (res) => {
      const path = new URL(res.url()).pathname;
      if (/\/search\/|\/assets\/vendor\/|search-core\.js|search\.js/.test(path)) bodies.set(path, await res.body().catch(() => Buffer.alloc(0)));
    });
    await page.focus('#q');
    // each query typed once (first run: compiling, cold caches), then run four more times with
    // Enter; a query's time is the median of its five runs, which keeps scheduler and GC noise of
    // a busy test machine out of the percentile
    const first: number[] = [];
    const times: number[] = [];
    const renders = () => page.evaluate(() => Number(document.getElementById('results')!.dataset.renders));
    for (const { q } of queries) {
      const runs = [(await typeQuery(page, q)).searchMs];
      first.push(runs[0]);
      for (let k = 0; k < 4; k++) {
        const n = await renders();
        await page.press('#q', 'Enter');
        await page.waitForFunction((m) => Number(document.getElementById('results')!.dataset.renders) > m, n);
        runs.push((await results(page, q)).searchMs);
      }
      runs.sort((a, b) => a - b);
      times.push(runs[2]);
    }
    const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))];
    const p95 = pct(times, 0.95);
    const gz = (p: string) => gzipSync(bodies.get(p) ?? Buffer.alloc(0)).length;
    const index = gz('/search/index.json') + gz('/search/docs.json');
    const total = [...bodies.keys()].reduce((n, p) => n + gz(p), 0);
    const load = await page.evaluate(() => ({ total: document.getElementById('results')!.dataset.loadMs, engine: document.getElementById('results')!.dataset.engineMs }));
    const raw = (bodies.get('/search/index.json')?.length ?? 0) + (bodies.get('/search/docs.json')?.length ?? 0);
    process.stdout.write(`zoeken: index ${(raw / 1024).toFixed(1)} KB, ${(index / 1024).toFixed(1)} KB gzip (met lunr en scripts ${(total / 1024).toFixed(1)} KB gzip); query p95 ${p95.toFixed(2)} ms, mediaan ${pct(times, 0.5).toFixed(2)} ms over ${times.length} queries (eerste keer: p95 ${pct(first, 0.95).toFixed(2)} ms); laden ${load.total} ms, waarvan index opbouwen ${load.engine} ms\n`);
    expect(bodies.has('/search/index.json') && bodies.has('/search/docs.json')).toBe(true);
    expect(index).toBeLessThanOrEqual(100 * 1024);
    expect(p95).toBeLessThanOrEqual(5);
    expect(errors).toEqual([]);
  });
});
