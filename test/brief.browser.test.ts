// Briefs and charts in Chromium: the themabrief of the largest theme (and a province brief, and
// the briefs of a generated corpus with long texts and many cases) print on at most two A4
// pages; axe finds nothing on the brief pages; every chart's numbers,
// read back from its SVG and from its table, equal the exported data; the print button works
// with JavaScript and the page explains itself without; two builds are byte-identical.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, launch, serve, watchErrors, type StaticServer } from './helpers/browser.ts';
import { cli, treeHashes } from './helpers/cli.ts';
import { caseFile, corpusWith, PROJECT_ROOT } from './helpers/corpus.ts';

let out: string;
let big: string;
let server: StaticServer;
let bigServer: StaticServer;
let browser: Browser;
const SHOTS = join(PROJECT_ROOT, 'test-output/briefs');

interface ExportedFinding {
  id: string;
  type: string;
  themes: string[];
  case: string | null;
  province: string | null;
}

/** A corpus far larger than the real one: 60 cases, long findings, long school lists, one province. */
function bigCorpus(): string {
  // mulberry32: a small seeded generator, so the corpus is the same on every run
  let seed = 11;
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  // pseudo-words of three syllables: random texts that hardly share a word, as different findings do
  const syllables = 'ba be bo da de do ka ke ko la le lo ma me mo na ne no pa pe po ra re ro sa se so ta te to va ve vo wa we wo'.split(' ');
  const word = () => Array.from({ length: 3 }, () => syllables[Math.floor(rnd() * syllables.length)]).join('');
  const sentence = () => Array.from({ length: 14 }, word).join(' ');
  const long = () => `${Array.from({ length: 9 }, () => `${sentence()}.`).join(' ')}`.replace(/^./, (c) => c.toUpperCase());
  const files: Record<string, string> = {};
  for (let i = 0; i < 60; i++) {
    const schools = Array.from({ length: 12 }, (_, k) => `Scholengemeenschap met een lange naam ${i}-${k}`);
    const body = [
      '## Knelpunten',
      '',
      ...[0, 1, 2].map((k) => `- ${long()} {id: k${k}; thema: lob, rooster-en-logistiek}`),
      '- Ouders en leerlingen kennen de mbo-opleidingen nauwelijks en kiezen daardoor laat. {id: kiezen; thema: lob}',
      '',
      '## Succesfactoren',
      '',
      ...[0, 1, 2].map((k) => `- ${long()} {id: s${k}; thema: lob}`),
      '',
    ].join('\n');
    files[`cases/groot-${String(i).padStart(2, '0')}.md`] = caseFile({
      frontmatter: {
        titel: `Leerlab met een bijzonder lange naam voor de doorlopende leerroute nummer ${i}`,
        regio: `Regio met een lange naam ${i}`,
        scholen: `\n  vo: [${schools.slice(0, 6).join(', ')}]\n  mbo: [${schools.slice(6).join(', ')}]`,
      },
      body,
    });
  }
  return corpusWith(files, { withBasicCases: false });
}

beforeAll(async () => {
  out = join(mkdtempSync(join(tmpdir(), 'kb-brief-')), 'site');
  const r = cli(['build', '--out', out, '--quiet']);
  if (r.code !== 0) throw new Error(`build failed:\n${r.stderr}`);
  big = join(mkdtempSync(join(tmpdir(), 'kb-brief-big-')), 'site');
  const rb = cli(['build', '--sources', bigCorpus(), '--out', big, '--quiet']);
  if (rb.code !== 0) throw new Error(`build of the large corpus failed:\n${rb.stderr}`);
  server = await serve(out);
  bigServer = await serve(big);
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await bigServer?.close();
});

async function open(base: string, path: string, opts: { bypassCSP?: boolean; javaScriptEnabled?: boolean; width?: number } = {}): Promise<{ page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: 900 }, bypassCSP: opts.bypassCSP ?? false, javaScriptEnabled: opts.javaScriptEnabled ?? true });
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  await page.goto(base + path, { waitUntil: 'networkidle' });
  return { page, errors };
}

/** WCAG 1.4.12: line height 1.5, paragraph spacing 2, letter spacing 0.12, word spacing 0.16 (× font size). */
const TEXT_SPACING = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';

/** Pages of a PDF, counted from its page objects (Chromium writes one `/Type /Page` per page). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

async function printed(base: string, path: string, name: string): Promise<number> {
  const { page } = await open(base, path);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  writeFileSync(join(SHOTS, `${name}.pdf`), pdf);
  await page.context().close();
  return pdfPages(pdf);
}

const findings = (): ExportedFinding[] => JSON.parse(readFileSync(join(out, 'data/findings.json'), 'utf8'));

function largest<K extends string>(keyOf: (f: ExportedFinding) => K[]): K {
  const n = new Map<K, number>();
  for (const f of findings()) for (const k of keyOf(f)) n.set(k, (n.get(k) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
}

describe('briefs on paper', () => {
  it('should print the themabrief of the largest theme on at most two A4 pages', async () => {
    const theme = largest((f) => f.themes);
    const pages = await printed(server.url, `/themas/${theme}/brief/`, `thema-${theme}`);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
  }, 60_000);

  it('should print the brief of the province with the most findings on at most two A4 pages', async () => {
    const province = largest((f) => (f.province ? [f.province] : []));
    expect(await printed(server.url, `/provincies/${province}/brief/`, `provincie-${province}`)).toBeLessThanOrEqual(2);
  }, 60_000);

  it('should stay within two pages with 60 cases of long findings on one theme, and say what it left out', async () => {
    expect(await printed(bigServer.url, '/themas/lob/brief/', 'groot-thema-lob')).toBeLessThanOrEqual(2);
    expect(await printed(bigServer.url, '/provincies/limburg/brief/', 'groot-provincie-limburg')).toBeLessThanOrEqual(2);
    const { page } = await open(bigServer.url, '/themas/lob/brief/');
    // 60 cases report the same knelpunt about choosing late: one group, named once, the rest counted
    const first = page.locator('#groep_blokkeert-1');
    await expect(first.textContent()).resolves.toMatch(/kiezen daardoor laat/);
    await expect(first.textContent()).resolves.toMatch(/Gemeld in 60 cases/);
    await expect(first.textContent()).resolves.toMatch(/en nog 56\b/);
    await expect(page.locator('.brief-section--blokkeert .brief-more').textContent()).resolves.toMatch(/Nog \d+ bevindingen in \d+ groepen staan niet in deze brief/);
    await expect(page.locator('#kop_ervaring ~ .brief-more, #kop_ervaring + * + .brief-more').first().textContent()).resolves.toContain('En 54 andere cases');
    // the chart sums 60 cases per province
    await expect(page.locator('.brief-chart .chart-figure__note').textContent()).resolves.toContain('60 cases opgeteld per provincie');
    await page.context().close();
  }, 60_000);
});

describe('brief pages', () => {
  it('should cite every statement with a numbered note that resolves to a document, a section and a permalink', async () => {
    const { page, errors } = await open(server.url, '/themas/relatie-en-vertrouwen/brief/');
    const refs = await page.locator('.brief-section .note-ref').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(refs.length).toBeGreaterThan(5);
    const notes = await page.locator('.brief-notes__list li').evaluateAll((lis) => lis.map((li) => ({ id: li.id, text: li.textContent!, href: li.querySelector('a')!.getAttribute('href')! })));
    for (const r of refs) expect(notes.map((n) => `#${n.id}`)).toContain(r);
    // numbered in reading order: the first reference of each note comes in order 1, 2, 3, …
    const firstSeen = [...new Set(refs)];
    expect(firstSeen).toEqual(firstSeen.map((_, i) => `#bron_${i + 1}`));
    // each note: title — document, section. permalink, and the permalink leads to the finding
    const all = findings();
    for (const n of notes.filter((x) => x.href.includes('#') && x.href.startsWith('/cases/'))) {
      expect(n.text).toMatch(/ — .+, .+\. http/);
      const id = n.href.replace(/^\/cases\/([^/]+)\/#(.+)$/, '$1#$2');
      expect(all.map((f) => f.id)).toContain(id);
    }
    const date = execFileSync('git', ['log', '-1', '--format=%cs', '--', '.'], { cwd: join(PROJECT_ROOT, 'sources'), encoding: 'utf8' }).trim();
    const [y, m, d] = date.split('-').map(Number);
    const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
    await expect(page.locator('.brief-notes__date').textContent()).resolves.toContain(`Geraadpleegd op ${d} ${months[m - 1]} ${y}`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('should open the print dialog from the button, and explain the print command without JavaScript', async () => {
    const ctx = await browser.newContext();
    await ctx.addInitScript(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/themas/vervoer-en-afstand/brief/`, { waitUntil: 'networkidle' });
    const button = page.getByRole('button', { name: 'Afdrukken of bewaren als PDF' });
    await expect(button.isVisible()).resolves.toBe(true);
    await button.click();
    await expect(page.evaluate(() => (window as unknown as { printed: number }).printed)).resolves.toBe(1);
    await ctx.close();

    const { page: plain } = await open(server.url, '/themas/vervoer-en-afstand/brief/', { javaScriptEnabled: false });
    await expect(plain.getByRole('button', { name: 'Afdrukken of bewaren als PDF' }).count()).resolves.toBe(0);
    await expect(plain.locator('.brief-actions__hint').textContent()).resolves.toMatch(/Ctrl\+P.*Opslaan als PDF/s);
    await plain.context().close();
  });

  it('should be linked from every theme page and every province page with cases', async () => {
    const { page } = await open(server.url, '/themas/vervoer-en-afstand/');
    await page.getByRole('link', { name: /Themabrief: Vervoer en afstand/ }).click();
    expect(page.url()).toMatch(/\/themas\/vervoer-en-afstand\/brief\/$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Vervoer en afstand');
    await page.goto(`${server.url}/provincies/noord-holland/`);
    await page.getByRole('link', { name: /Provinciebrief: Noord-Holland/ }).click();
    expect(page.url()).toMatch(/\/provincies\/noord-holland\/brief\/$/);
    await page.context().close();
  });

  // axe, heading levels, the menu and text spacing at 320 px of the theme and province briefs (and
  // of the pages with charts) are checked per page type in site.browser.test.ts; here the small
  // brief and the 60-case brief with its long names and school lists
  for (const [name, base, path] of [
    ['small themabrief', () => server.url, '/themas/vervoer-en-afstand/brief/'],
    ['60-case themabrief', () => bigServer.url, '/themas/lob/brief/'],
    ['60-case provinciebrief', () => bigServer.url, '/provincies/limburg/brief/'],
  ] as const)
    it(`should have no axe violations and no horizontal scrolling at 320 px with WCAG text spacing: ${name}`, async () => {
      for (const width of [1280, 320]) {
        const { page, errors } = await open(base(), path, { bypassCSP: true, width });
        expect(await axe(page)).toEqual([]);
        expect(errors).toEqual([]);
        if (width === 1280) await page.screenshot({ path: join(SHOTS, `${name.replace(/\s+/g, '-')}.png`), fullPage: true });
        if (width === 320) {
          await page.addStyleTag({ content: TEXT_SPACING });
          expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
        }
        await page.context().close();
      }
    }, 60_000);
});

/** Rows of a chart as drawn (data attributes and value labels) and as tabled. */
async function chartOf(page: Page, selector: string) {
  return page.locator(selector).evaluate((fig) => ({
    svg: Array.from(fig.querySelectorAll('svg .chart__row')).map((g) => ({
      label: g.getAttribute('data-label')!,
      data: Object.fromEntries(Array.from(g.attributes).filter((a) => a.name.startsWith('data-') && a.name !== 'data-label').map((a) => [a.name.slice(5), Number(a.value)])),
      values: Array.from(g.querySelectorAll('.chart__value')).map((t) => t.textContent!),
      bars: Array.from(g.querySelectorAll('rect.chart__bar')).map((r) => Number(r.getAttribute('width'))),
    })),
    table: Array.from(fig.querySelectorAll('tbody tr')).map((tr) => [tr.querySelector('th')!.textContent!.trim(), ...Array.from(tr.querySelectorAll('td')).map((td) => td.textContent!.trim())]),
  }));
}

describe('charts', () => {
  it('should draw knelpunten and succesfactoren per case on a theme as the data says', async () => {
    const theme = 'relatie-en-vertrouwen';
    const cases: { id: string; title: string }[] = JSON.parse(readFileSync(join(out, 'data/cases.json'), 'utf8'));
    const want = new Map<string, { knelpunt: number; succesfactor: number }>();
    for (const f of findings()) {
      if (!f.case || !f.themes.includes(theme) || (f.type !== 'knelpunt' && f.type !== 'succesfactor')) continue;
      const title = cases.find((c) => c.id === f.case)!.title;
      const w = want.get(title) ?? { knelpunt: 0, succesfactor: 0 };
      w[f.type]++;
      want.set(title, w);
    }
    for (const path of [`/themas/${theme}/`, `/themas/${theme}/brief/`]) {
      const { page } = await open(server.url, path);
      const c = await chartOf(page, '.chart-figure');
      expect(c.svg.length).toBe(want.size);
      for (const row of c.svg) {
        expect(row.data).toEqual(want.get(row.label));
        expect(row.values).toEqual([String(row.data.knelpunt), String(row.data.succesfactor)]);
        // bar lengths follow the numbers
        if (row.data.knelpunt === 0) expect(row.bars[0]).toBe(0);
        if (row.data.succesfactor > 0) expect(row.bars[1]).toBeGreaterThan(0);
      }
      expect(c.table).toEqual(c.svg.map((r) => [r.label, String(r.data.knelpunt), String(r.data.succesfactor)]));
      await page.context().close();
    }
  });

  it('should draw findings per domain and theme as the data says (method page, and the home page summary)', async () => {
    const all = findings();
    const themes: { id: string; label: string }[] = [];
    const { page } = await open(server.url, '/methode/');
    const c = await chartOf(page, '.chart-figure');
    const labels = await page.locator('#codeboek ~ dl dt a').evaluateAll((as) => as.map((a) => ({ label: a.textContent!, id: a.getAttribute('href')!.split('/')[2] })));
    themes.push(...labels);
    for (const row of c.svg.filter((r) => themes.some((t) => t.label === r.label))) {
      const id = themes.find((t) => t.label === row.label)!.id;
      const count = (type: string) => all.filter((f) => f.type === type && f.themes.includes(id)).length;
      expect(row.data).toEqual({ knelpunt: count('knelpunt'), succesfactor: count('succesfactor'), les: count('les'), 'rode-draad': count('rode-draad') });
      const total = row.data.knelpunt + row.data.succesfactor + row.data.les + row.data['rode-draad'];
      expect(row.values).toEqual([String(total)]);
      const tableRow = c.table.find((t) => t[0] === row.label)!;
      expect(tableRow.slice(1).map(Number)).toEqual([row.data.knelpunt, row.data.succesfactor, row.data.les, row.data['rode-draad'], total]);
    }
    expect(c.svg.filter((r) => themes.some((t) => t.label === r.label))).toHaveLength(themes.length);
    await page.context().close();

    const { page: home } = await open(server.url, '/');
    const h = await chartOf(home, '.chart-figure');
    // domain rows sum their themes; the home page keeps three themes per domain and sums the rest
    const domainTotal = (r: (typeof h.svg)[number]) => r.data.knelpunt + r.data.succesfactor + r.data.les + r.data['rode-draad'];
    const domains = h.svg.filter((r) => r.values[0]?.endsWith('in totaal'));
    expect(domains).toHaveLength(4);
    expect(domains.reduce((n, r) => n + domainTotal(r), 0)).toBe(all.reduce((n, f) => n + f.themes.length, 0));
    await home.context().close();
  });

  it("should draw a province's theme profile next to the national one as the data says", async () => {
    const province = 'noord-holland';
    const inCases = findings().filter((f) => f.case && f.type !== 'rode-draad');
    const local = inCases.filter((f) => f.province === province);
    const pct = (part: number, whole: number) => String(Math.round((part / whole) * 1000) / 10).replace('.', ',');
    const { page } = await open(server.url, `/provincies/${province}/`);
    const c = await chartOf(page, '.chart-figure');
    const themeIds = await page.locator('.chart-figure tbody th a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.split('/')[2]));
    expect(themeIds.length).toBeGreaterThan(0);
    c.table.forEach((row, i) => {
      const id = themeIds[i];
      expect(row.slice(1)).toEqual([pct(local.filter((f) => f.themes.includes(id)).length, local.length), pct(inCases.filter((f) => f.themes.includes(id)).length, inCases.length)]);
      // the chart draws the largest ten; the table has them all
      if (i < c.svg.length) expect(c.svg[i].values).toEqual([`${row[1]}%`, `${row[2]}% landelijk`]);
    });
    expect(c.svg.length).toBe(Math.min(10, c.table.length));
    await page.context().close();
  });
});

describe('determinism', () => {
  it('should build the same bytes twice, briefs and charts included', () => {
    const again = join(mkdtempSync(join(tmpdir(), 'kb-brief-again-')), 'site');
    expect(cli(['build', '--out', again, '--quiet']).code).toBe(0);
    const a = treeHashes(out);
    expect(Object.keys(a)).toEqual(expect.arrayContaining(['themas/relatie-en-vertrouwen/brief/index.html', 'provincies/noord-holland/brief/index.html']));
    expect(treeHashes(again)).toEqual(a);
  }, 120_000);
});
