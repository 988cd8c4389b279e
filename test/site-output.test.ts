// The built site as files, the way a host, a crawler and a validator see it: html-validate over
// every page, canonical links, descriptions and OpenGraph, sitemap and robots.txt, the 404 page,
// the security headers for static hosts, filter pages and the main menu. Built once, with a
// public site URL.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { XmlDocument } from 'libxml2-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import htmlValidateConfig from '../.htmlvalidate.mjs';
import { cspHeader, cspMeta, SECURITY_HEADERS } from '../site/_config/security.js';
import { checkAtom } from './helpers/atom.ts';
import { cli } from './helpers/cli.ts';
import { htmlPages } from './helpers/site.ts';

const SITE = 'https://kennisbank.example.nl';
let out: string;
/** url path → html */
const pages = new Map<string, string>();

beforeAll(() => {
  out = join(mkdtempSync(join(tmpdir(), 'kb-out-')), 'site');
  const r = cli(['build', '--out', out, '--quiet', '--site-url', `${SITE}/`]);
  if (r.code !== 0) throw new Error(`build failed:\n${r.stderr}`);
  for (const [url, html] of htmlPages(out)) pages.set(url, html);
}, 180_000);

const file = (p: string) => readFileSync(join(out, p), 'utf8');
const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const head = (html: string) => html.slice(0, html.indexOf('</head>'));
const meta = (html: string, attr: 'name' | 'property', key: string) => [...head(html).matchAll(new RegExp(`<meta ${attr}="${key}" content="([^"]*)">`, 'g'))].map((m) => decode(m[1]));
const links = (html: string, rel: string) => [...head(html).matchAll(new RegExp(`<link rel="${rel}" href="([^"]*)">`, 'g'))].map((m) => m[1]);
const titleOf = (html: string) => decode(/<title>([^<]*)<\/title>/.exec(html)![1]);
const contentPages = () => [...pages].filter(([u]) => u !== '/404.html');

describe('html-validate', () => {
  it('should report 0 errors on every built page', async () => {
    const hv = new HtmlValidate(htmlValidateConfig);
    const errors: string[] = [];
    for (const [url, html] of pages) {
      const report = await hv.validateString(html, url);
      for (const r of report.results) for (const m of r.messages) errors.push(`${url}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(pages.size).toBeGreaterThan(150);
    expect(errors).toEqual([]);
  });

  it('should name the reason for every rule it switches off or relaxes', () => {
    const source = readFileSync(new URL('../.htmlvalidate.mjs', import.meta.url), 'utf8');
    for (const rule of Object.keys(htmlValidateConfig.rules ?? {})) {
      const before = source.slice(0, source.indexOf(`'${rule}'`)).split('\n').slice(-2).join('\n');
      expect([rule, before.includes('//')]).toEqual([rule, true]);
    }
  });
});

describe('head of every page', () => {
  it('should have a canonical link and og:url on the public site URL, except the 404 page', () => {
    for (const [url, html] of contentPages()) {
      expect([url, links(html, 'canonical')]).toEqual([url, [`${SITE}${url}`]]);
      expect([url, meta(html, 'property', 'og:url')]).toEqual([url, [`${SITE}${url}`]]);
    }
    const notFound = pages.get('/404.html')!;
    expect(links(notFound, 'canonical')).toEqual([]);
    expect(meta(notFound, 'property', 'og:url')).toEqual([]);
  });

  it('should have a meta description and OpenGraph title and description, escaped once', () => {
    for (const [url, html] of pages) {
      const [description] = meta(html, 'name', 'description');
      expect([url, (description ?? '').length > 40 && description.length <= 201]).toEqual([url, true]);
      expect(meta(html, 'property', 'og:description')).toEqual([description]);
      expect(meta(html, 'property', 'og:title')).toHaveLength(1);
      // double escaping shows as a literal entity once decoded
      for (const text of [titleOf(html), description, ...meta(html, 'property', 'og:title')]) expect([url, text]).not.toEqual([url, expect.stringMatching(/&(#\d+|amp|quot|lt|gt);/)]);
    }
    expect(titleOf(pages.get('/cases/s-hertogenbosch/')!)).toBe("Leerlab 's-Hertogenbosch · Kennisbank doorlopende leerroutes");
  });

  it('should carry the same Content-Security-Policy as the header files, without frame-ancestors', () => {
    for (const [url, html] of pages) expect([url, decode(/http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1])]).toEqual([url, cspMeta]);
    expect(cspHeader).toBe(`${cspMeta}; frame-ancestors 'none'`);
  });

  it('should show no template code', () => {
    for (const [url, html] of pages) expect([url, /toLowerCase\(\)|\{\{|\{%|undefined|\[object Object\]/.exec(html)?.[0] ?? null]).toEqual([url, null]);
  });
});

describe('files for hosts and crawlers', () => {
  it('should list every page in sitemap.xml with absolute URLs, once', () => {
    const doc = XmlDocument.fromString(file('sitemap.xml'));
    const locs = doc.find('/s:urlset/s:url/s:loc', { s: 'http://www.sitemaps.org/schemas/sitemap/0.9' }).map((n) => n.content);
    doc.dispose();
    expect(new Set(locs).size).toBe(locs.length);
    expect(locs.sort()).toEqual(contentPages().map(([u]) => `${SITE}${u}`).sort());
  });

  it('should point robots.txt to the sitemap and allow everything', () => {
    expect(file('robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE}/sitemap.xml\n`);
  });

  it('should write the feed with the public site URL', () => {
    expect(checkAtom(file('feed.xml'), SITE)).toEqual([]);
  });

  it('should write the security headers for Netlify/Cloudflare, Apache and Azure alike', () => {
    const netlify = file('_headers');
    const apache = file('.htaccess');
    const azure = JSON.parse(file('staticwebapp.config.json'));
    expect(SECURITY_HEADERS.map(([k]) => k)).toEqual(expect.arrayContaining(['Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy']));
    for (const [k, v] of SECURITY_HEADERS) {
      expect(netlify).toContain(`\n  ${k}: ${v}\n`);
      expect(apache).toContain(`Header always set ${k} "${v}"`);
      expect(azure.globalHeaders[k]).toBe(v);
    }
    expect(cspHeader).toContain("frame-ancestors 'none'");
    expect(apache).toContain('ErrorDocument 404 /404.html');
    expect(azure.responseOverrides['404'].rewrite).toBe('/404.html');
  });
});

describe('pages', () => {
  it('should only have filter pages with cases, each linked from the case list', () => {
    const filters = [...pages.keys()].filter((u) => /^\/cases\/(provincie|routetype|sector)\/[^/]+\/$/.test(u));
    expect(filters.length).toBeGreaterThan(10);
    const list = pages.get('/cases/')!;
    for (const u of filters) {
      expect(list).toContain(`href="${u}"`);
      const n = Number(/<p class="lead">(\d+) cases? /.exec(pages.get(u)!)![1]);
      expect([u, n > 0, (pages.get(u)!.match(/<li>\s*<h3>/g) ?? []).length]).toEqual([u, true, n]);
    }
  });

  it('should link the colofon, accessibility statement, licences and privacy statement from every footer', () => {
    for (const [url, html] of pages) {
      const footer = html.slice(html.indexOf('<footer'));
      for (const p of ['/colofon/', '/toegankelijkheid/', '/licenties/', '/privacy/']) expect([url, footer.includes(`href="${p}"`)]).toEqual([url, true]);
    }
  });

  it('should mark the current section in the main menu', () => {
    const current = (url: string) => [...pages.get(url)!.matchAll(/<a href="([^"]+)" aria-current="(page|true)">/g)].filter((m) => m[1] !== '/cases/provincie/groningen/').map((m) => `${m[1]} ${m[2]}`);
    expect(current('/themas/')).toEqual(['/themas/ page']);
    expect(current('/themas/lob/')).toEqual(['/themas/ true']);
    expect(current('/rode-draden/thema-lob/')).toEqual(['/rode-draden/ true']);
    expect(current('/cases/weert/')).toEqual(['/cases/ true']);
    expect(current('/colofon/')).toEqual([]);
  });

  it('should give every rode draad a short title, never a cut-off sentence, in cards, headings and titles', () => {
    const threads: { id: string; kind: string; title: string; text: string; themes: string[] }[] = JSON.parse(file('data/rode-draden.json'));
    const index = pages.get('/rode-draden/')!;
    for (const t of threads) {
      expect([t.id, t.title.endsWith('…')]).toEqual([t.id, false]);
      // an authored thread's title is its text up to a sentence, clause or phrase boundary
      if (t.kind === 'authored' && t.text.startsWith(t.title)) expect([t.id, /^($|[.,:;]|\s[–—-]\s|\s\()/.test(t.text.slice(t.title.length)) || /[?!]$/.test(t.title)]).toEqual([t.id, true]);
      const html = pages.get(`/rode-draden/${t.id}/`)!;
      const esc = t.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
      expect(html).toContain(`<h1>${esc}</h1>`);
      expect(titleOf(html)).toBe(`Rode draad: ${t.title} · Kennisbank doorlopende leerroutes`);
      expect(index).toContain(`<a href="/rode-draden/${t.id}/">${esc}</a>`);
    }
  });
});
