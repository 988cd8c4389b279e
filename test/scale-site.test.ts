// The site of a large corpus (300 synthetic cases, about 4 500 findings) stays usable: no page past
// 300 KB, themes and rode draden with many findings split per province with every finding on a
// sub-page, lists of cases and notes a page at a time, a compare page that asks for the province
// first and finds every case in one small data file (in Chromium too), valid HTML and no broken
// internal link or anchor.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import htmlValidateConfig from '../.htmlvalidate.mjs';
import { NOTES_PER_PAGE } from '../pipeline/link/paging.ts';
import { writeCorpus } from '../scripts/bench-corpus.ts';
import { partOf } from '../site/assets/js/compare-part.js';
import { launch, serve, watchErrors } from './helpers/browser.ts';
import { cli } from './helpers/cli.ts';
import { htmlFiles } from './helpers/site.ts';

describe('the site at 300 cases', () => {
  let work: string;
  let site: string;
  let pages: string[];
  const html = (p: string) => readFileSync(join(site, p), 'utf8');

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'kb-scale-'));
    writeCorpus(join(work, 'sources'), 300);
    site = join(work, 'site');
    const r = cli(['build', '--sources', join(work, 'sources'), '--out', site, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    pages = htmlFiles(site);
  }, 600_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('should keep every page under 300 KB', () => {
    const big = pages.filter((p) => statSync(join(site, p)).size > 300 * 1024);
    expect(big).toEqual([]);
  });

  it('should split a large theme per province, with every finding of the theme on a sub-page', () => {
    const theme = html('themas/curriculum/index.html');
    const groups = [...theme.matchAll(/<th scope="row"><a href="(\/themas\/curriculum\/[a-z-]+\/)">[^<]+<\/a><\/th>(?:<td>\d+<\/td>){4}<td>(\d+)<\/td>/g)];
    expect(groups.length).toBeGreaterThan(5);
    const total = Number(/<strong>(\d+)<\/strong> knelpunten?/.exec(theme)![1]) + Number(/<strong>(\d+)<\/strong> succesfactor/.exec(theme)![1]) + Number(/<strong>(\d+)<\/strong> less?en/.exec(theme)![1]) + Number(/<strong>(\d+)<\/strong> rode dra/.exec(theme)![1]);
    expect(groups.reduce((n, g) => n + Number(g[2]), 0)).toBe(total);
    // each group's sub-pages: cases with their count, together the group's findings
    for (const [, url, count] of groups) {
      let n = 0;
      for (let page = 1, next: string | null = url; next; page++) {
        const sub = html(`${next.slice(1)}index.html`);
        n += [...sub.matchAll(/<h2 id="[^"]+"><a href="[^"]+">[^<]+<\/a> <span class="muted">\((\d+)\)<\/span><\/h2>/g)].reduce((s, m) => s + Number(m[1]), 0);
        next = /<a href="([^"]+)" rel="next">/.exec(sub)?.[1] ?? null;
        if (page > 1) expect(sub).toContain(`Pagina ${page} van`);
      }
      expect(n).toBe(Number(count));
    }
  });

  it('should list cases a page at a time, and overview pages with counts and links', () => {
    const limburg = html('cases/provincie/zuid-holland/index.html');
    expect(limburg.match(/<li>\s*<h3><a href="\/cases\//g)!.length).toBeLessThanOrEqual(100);
    expect(html('index.html')).toContain('href="/cases/provincie/zuid-holland/"');
    expect(html('index.html').match(/<h3><a href="\/cases\/[a-z0-9-]+\/">/g)).toBeNull();
    expect(html('matrix/index.html')).toContain('href="/matrix/zuid-holland/"');
    expect(existsSync(join(site, 'matrix/zuid-holland/index.html'))).toBe(true);
  });

  it('should list the notes a page at a time, every note once', () => {
    const notes = readdirSync(join(site, 'notities')).filter((d) => !/^\d+$/.test(d) && d !== 'index.html');
    const listed: string[] = [];
    let pages = 0;
    for (let next: string | null = '/notities/'; next; pages++) {
      const page = html(`${next.slice(1)}index.html`);
      const here = [...page.matchAll(/<h2 class="h3"><a href="\/notities\/([^/]+)\/">/g)].map((m) => m[1]);
      expect(here.length).toBeLessThanOrEqual(NOTES_PER_PAGE);
      if (pages > 0) expect(page).toContain(`(pagina ${pages + 1} van `);
      listed.push(...here);
      next = /<a href="([^"]+)" rel="next">/.exec(page)?.[1] ?? null;
    }
    expect(pages).toBe(Math.ceil(notes.length / NOTES_PER_PAGE));
    expect(pages).toBeGreaterThan(1);
    expect(listed.sort()).toEqual(notes.sort());
  });

  it('should ask for a province first on the compare page, and hold every case in the data file its id names', () => {
    const page = html('vergelijk/index.html');
    const parts = Number(/data-parts="(\d+)"/.exec(page)![1]);
    expect(parts).toBe(Math.ceil(300 / 25));
    expect(page).toContain('<select id="provincie-a">');
    expect(page.match(/<option /g)!.length).toBeLessThan(40);
    const cases: { id: string; province: string; findings: Record<string, number> }[] = JSON.parse(html('data/cases.json'));
    const findings: { case: string | null }[] = JSON.parse(html('data/findings.json'));
    const part = (n: number): { cases: { id: string }[]; findings: { case: string }[] } => JSON.parse(html(`data/vergelijk/${n}.json`));
    const sizes = Array.from({ length: parts }, (_, n) => statSync(join(site, `data/vergelijk/${n}.json`)).size);
    expect(Math.max(...sizes)).toBeLessThan(300 * 1024);
    for (const c of cases) {
      const p = part(partOf(c.id, parts));
      expect(p.cases.map((x) => x.id)).toContain(c.id);
      expect(p.findings.filter((f) => f.case === c.id).length).toBe(findings.filter((f) => f.case === c.id).length);
    }
    expect(Array.from({ length: parts }, (_, n) => part(n).cases.length).reduce((a, b) => a + b)).toBe(cases.length);
    for (const province of new Set(cases.map((c) => c.province))) {
      const listed: { id: string }[] = JSON.parse(html(`data/vergelijk/provincies/${province}.json`));
      expect(listed.map((c) => c.id).sort()).toEqual(cases.filter((c) => c.province === province).map((c) => c.id).sort());
    }
  });

  it('should compare two linked cases in Chromium, and list a province\'s cases once it is picked', async () => {
    const cases: { id: string; title: string; province: string }[] = JSON.parse(html('data/cases.json'));
    const a = cases[7];
    const b = cases.find((c) => c.province !== a.province)!;
    const server = await serve(site);
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const errors = watchErrors(page);
      await page.goto(`${server.url}/vergelijk/?a=${a.id}&b=${b.id}`);
      await page.waitForSelector('#shared-themes');
      expect(await page.locator('#compare-result h2').textContent()).toBe(`${a.title} en ${b.title}`);
      expect(await page.inputValue('#provincie-a')).toBe(a.province);
      expect(await page.inputValue('#provincie-b')).toBe(b.province);
      expect(await page.inputValue('#case-a')).toBe(a.id);
      expect(await page.inputValue('#case-b')).toBe(b.id);
      // another province for B: its cases in the menu, then compare
      await page.selectOption('#provincie-b', a.province);
      const inA = cases.filter((c) => c.province === a.province);
      await page.waitForFunction((n) => document.querySelectorAll('#case-b option').length === n, inA.length);
      expect((await page.locator('#case-b option').allTextContents()).sort()).toEqual(inA.map((c) => c.title).sort());
      const other = inA.find((c) => c.id !== a.id)!;
      await page.selectOption('#case-b', other.id);
      await page.getByRole('button', { name: 'Vergelijk' }).click();
      await page.waitForFunction((t) => document.querySelector('#compare-result h2')?.textContent === t, `${a.title} en ${other.title}`);
      expect(page.url()).toContain(`?a=${a.id}&b=${other.id}`);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 120_000);

  it('should resolve every internal link and anchor', () => {
    const ids = new Map<string, Set<string>>();
    const idsOf = (file: string) => ids.get(file) ?? ids.set(file, new Set([...readFileSync(file, 'utf8').matchAll(/ id="([^"]+)"/g)].map((m) => m[1]))).get(file)!;
    const broken: string[] = [];
    for (const p of pages)
      for (const [, href] of html(p).matchAll(/href="(\/[^"]*)"/g)) {
        const [path, fragment] = href.split('?')[0].split('#');
        const target = join(site, path, path.endsWith('/') ? 'index.html' : '');
        if (!existsSync(target)) broken.push(`${p} → ${href}`);
        else if (fragment && target.endsWith('.html') && !idsOf(target).has(fragment)) broken.push(`${p} → ${href} (anchor)`);
      }
    expect(broken.slice(0, 10)).toEqual([]);
  });

  it('should give valid HTML on one page of every kind', async () => {
    const kinds = new Map<string, string>();
    for (const p of pages.sort()) {
      const kind = p.replace(/^(cases|notities)\/[^/]+\//, '$1/x/').replace(/\/\d+\//g, '/n/').replace(/^(themas|rode-draden|matrix|provincies)\/[^/]+\//, '$1/x/');
      if (!kinds.has(kind)) kinds.set(kind, p);
    }
    const hv = new HtmlValidate(htmlValidateConfig as never);
    const invalid: string[] = [];
    for (const p of kinds.values()) {
      const r = await hv.validateString(html(p), p);
      if (!r.valid) invalid.push(`${p}: ${r.results[0].messages.map((m) => `${m.ruleId} ${m.message}`).join('; ')}`);
    }
    expect(kinds.size).toBeGreaterThan(15);
    expect(invalid).toEqual([]);
  });
});
