// The Atom feed: valid RFC 4287 (checked with libxml2 and test/helpers/atom.ts), absolute ids and
// links from the configured site URL, plain text whatever a source file holds, and dates from git
// or the content, never the clock.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XmlDocument } from 'libxml2-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline, type PipelineResult } from '../pipeline/build.ts';
import { makeConfig } from '../pipeline/config.ts';
import { casesAtom } from '../pipeline/emit/atom.ts';
import { gitDates } from '../pipeline/emit/dates.ts';
import { checkAtom } from './helpers/atom.ts';
import { caseFile, corpusWith, PROJECT_ROOT } from './helpers/corpus.ts';

const SITE = 'https://kennisbank.example.nl';
const NS = { a: 'http://www.w3.org/2005/Atom' };
const feedOf = (r: PipelineResult) => new TextDecoder().decode(r.files.find((f) => f.path === 'feed.xml')!.bytes);

/** Entries of a feed as plain objects, read back with libxml2. */
function entries(xml: string) {
  const doc = XmlDocument.fromString(xml);
  try {
    return doc.find('/a:feed/a:entry', NS).map((e) => ({
      id: e.get('a:id', NS)!.content,
      title: e.get('a:title', NS)!.content,
      summary: e.get('a:summary', NS)!.content,
      updated: e.get('a:updated', NS)!.content,
      published: e.get('a:published', NS)!.content,
      terms: e.find('a:category/@term', NS).map((t) => t.content),
    }));
  } finally {
    doc.dispose();
  }
}

describe('the feed check itself', () => {
  it('should report what RFC 4287 forbids', () => {
    const bad = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>/feed.xml</id>
  <title type="html"><![CDATA[<b>x</b>]]></title>
  <updated>2024-01-01 00:00</updated>
  <entry><id>${SITE}/a/</id><title>a</title><updated>2024-01-01T00:00:00Z</updated><category label="x"/></entry>
  <entry><id>${SITE}/a/</id><updated>2024-01-01T00:00:00Z</updated><link href="http://localhost:8080/a/"/></entry>
</feed>`;
    expect(checkAtom(bad, SITE)).toEqual([
      'feed id: "/feed.xml" is not an absolute IRI',
      'feed: title: type "html"; this feed carries plain text only',
      'feed: updated: "2024-01-01 00:00" is not an RFC 3339 date-time',
      'feed: no link rel="self" (RFC 4287 says SHOULD)',
      `entry ${SITE}/a/: no author, and the feed has none`,
      `entry ${SITE}/a/: no content and no alternate link`,
      `entry ${SITE}/a/: category: no term attribute`,
      `entry ${SITE}/a/: title occurs 0 times (allowed 1–1)`,
      `entry ${SITE}/a/: id used twice`,
      `entry ${SITE}/a/: no author, and the feed has none`,
      `entry ${SITE}/a/: link href: "http://localhost:8080/a/" is not under the site URL ${SITE}`,
    ]);
    expect(checkAtom('<feed xmlns="http://www.w3.org/2005/Atom"><title>\u0000</title></feed>', SITE)[0]).toMatch(/^not well-formed XML/);
  });
});

describe('feed of the real corpus', () => {
  let r: PipelineResult;
  beforeAll(async () => {
    r = await runPipeline(makeConfig(PROJECT_ROOT, { siteUrl: SITE, siteUrlSource: 'flag' }));
  });

  it('should be valid Atom with absolute ids and links under the site URL', () => {
    expect(checkAtom(feedOf(r), SITE)).toEqual([]);
  });

  it('should have one entry per case, with its page as id, plain-text title and summary, and categories with a term', () => {
    const es = entries(feedOf(r));
    expect(es.map((e) => e.id).sort()).toEqual(r.graph!.cases.map((c) => `${SITE}${c.url}`).sort());
    for (const c of r.graph!.cases) {
      const e = es.find((x) => x.id === `${SITE}${c.url}`)!;
      expect(e.title).toBe(c.title);
      expect(e.summary).toBe(c.summary.replace(/\s+/g, ' ').trim());
      expect(e.terms).toEqual(expect.arrayContaining([c.meta.provincie, c.meta.routetype, ...c.meta.sectoren, ...c.themes]));
    }
    expect(feedOf(r)).not.toMatch(/type="(x?html)"/);
  });

  it('should list the newest change first', () => {
    const updated = entries(feedOf(r)).map((e) => e.updated);
    expect(updated).toEqual([...updated].sort().reverse());
  });
});

describe('feed with hostile content', () => {
  // YAML escapes put NUL, BEL, ESC and DEL into the title; markup and "]]>" into the summary.
  const hostile = caseFile({
    frontmatter: {
      titel: '"Leerlab <script>alert(1)</script>\\0\\a\\x1b\\x7f einde"',
      samenvatting: '"<img src=x onerror=alert(1)> \\u0000 ]]> & <![CDATA[ x"',
    },
  });
  let xml: string;
  beforeAll(async () => {
    const dir = corpusWith({ 'cases/hostile.md': hostile });
    const r = await runPipeline(makeConfig(dir, { sourcesDir: '.', siteUrl: SITE, siteUrlSource: 'flag' }));
    expect(r.ok).toBe(true);
    xml = feedOf(r);
  });

  it('should stay well-formed, valid Atom', () => {
    expect(checkAtom(xml, SITE)).toEqual([]);
  });

  it('should carry markup as text, never as HTML, and drop the control characters', () => {
    const e = entries(xml).find((x) => x.id === `${SITE}/cases/hostile/`)!;
    expect(e.title).toBe('Leerlab <script>alert(1)</script> einde');
    expect(e.summary).toBe('<img src=x onerror=alert(1)> ]]> & <![CDATA[ x');
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain('<img');
    expect(xml).toContain('&lt;script&gt;');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
  });
});

describe('feed dates', () => {
  let r: PipelineResult;
  beforeAll(async () => {
    r = await runPipeline(makeConfig(corpusWith(), { sourcesDir: '.', siteUrl: SITE, siteUrlSource: 'flag' }));
  });

  it('should date an entry from git when known, else 1 January of its source document\'s year', () => {
    const known = { published: '2025-03-01T09:00:00Z', updated: '2026-10-02T12:30:00Z' };
    const xml = casesAtom(r.graph!, { siteUrl: SITE, datesOf: (path) => (path.endsWith('alfa.md') ? known : undefined) });
    expect(checkAtom(xml, SITE)).toEqual([]);
    const es = entries(xml);
    expect(es[0]).toMatchObject({ id: `${SITE}/cases/alfa/`, ...known });
    const docYear = (id: string) => r.graph!.documents.find((d) => d.id === r.graph!.cases.find((c) => c.id === id)!.meta.bron)!.jaar;
    for (const e of es.slice(1)) {
      const id = e.id.split('/').at(-2)!;
      expect(e.updated).toBe(`${docYear(id)}-01-01T00:00:00Z`);
    }
    expect(xml).toContain(`<updated>${known.updated}</updated>\n  <author>`);
  });

  it('should give the same bytes on every run', () => {
    expect(casesAtom(r.graph!, { siteUrl: SITE })).toBe(casesAtom(r.graph!, { siteUrl: SITE }));
  });

  it('should read the first and last commit of each file from git', () => {
    const repo = mkdtempSync(join(tmpdir(), 'kb-git-'));
    const git = (args: string[], date?: string) =>
      execFileSync('git', args, {
        cwd: repo,
        env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.nl', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.nl', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
        stdio: 'pipe',
      });
    git(['init', '-q']);
    writeFileSync(join(repo, 'a.md'), 'eerste');
    git(['add', '.']);
    git(['commit', '-q', '-m', 'a'], '2025-01-02T10:00:00+01:00');
    writeFileSync(join(repo, 'a.md'), 'tweede');
    writeFileSync(join(repo, 'b.md'), 'b');
    git(['add', '.']);
    git(['commit', '-q', '-m', 'b'], '2026-06-30T23:30:00-02:00');
    const dates = gitDates(repo);
    expect(Object.fromEntries(dates)).toEqual({
      'a.md': { published: '2025-01-02T09:00:00Z', updated: '2026-07-01T01:30:00Z' },
      'b.md': { published: '2026-07-01T01:30:00Z', updated: '2026-07-01T01:30:00Z' },
    });
    expect(gitDates(mkdtempSync(join(tmpdir(), 'kb-nogit-'))).size).toBe(0);
  });
});
