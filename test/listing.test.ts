// Theme and rode-draad pages at scale: subjects with many findings are split over sub-pages per
// province, each case shown with its best findings, so no page grows without bound.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, makeConfig } from '../pipeline/build.ts';
import { link, type Graph } from '../pipeline/link/index.ts';
import { bestFirst, OWNERS_PER_PAGE, SHOWN_PER_OWNER, SPLIT_ABOVE, splitSubject, type ListedFinding, type ListingPage } from '../pipeline/link/listing.ts';
import { PROVINCES } from '../pipeline/vocabulary.ts';
import { writeCorpus } from '../scripts/bench-corpus.ts';

const finding = (id: string, over: Partial<ListedFinding> = {}): ListedFinding => ({
  id,
  type: 'knelpunt',
  themes: ['lob'],
  owner: { collection: 'cases', id: id.split('#')[0], title: id.split('#')[0], url: `/cases/${id.split('#')[0]}/`, province: 'limburg' },
  citations: 0,
  ...over,
});

describe('best findings first', () => {
  it('should rank cited findings first, then those about the subject, then the more specific, then document order', () => {
    const fs = [
      finding('a#1', { themes: ['curriculum', 'lob'] }),
      finding('a#2', { themes: ['lob', 'curriculum', 'borging'] }),
      finding('a#3', { themes: ['lob', 'borging'] }),
      finding('a#4', { themes: ['borging', 'lob'], citations: 2 }),
      finding('a#5', { themes: ['lob'] }),
      finding('a#6', { themes: ['lob'] }),
    ];
    expect(bestFirst(fs, 'lob').map((f) => f.id)).toEqual(['a#4', 'a#5', 'a#6', 'a#3', 'a#2', 'a#1']);
  });
});

describe('splitting a subject', () => {
  const subject = (n: number) => ({
    kind: 'theme' as const,
    id: 'lob',
    title: 'LOB',
    url: '/themas/lob/',
    theme: 'lob',
    findings: Array.from({ length: n }, (_, i) =>
      finding(`case-${String(Math.floor(i / 4)).padStart(3, '0')}#f${i}`, {
        citations: i % 37 === 0 ? 1 : 0,
        themes: i % 3 === 0 ? ['curriculum', 'lob'] : ['lob'],
        owner: { collection: i % 50 === 49 ? 'notes' : 'cases', id: `case-${String(Math.floor(i / 4)).padStart(3, '0')}`, title: `Case ${Math.floor(i / 4)}`, url: '/x/', province: i % 50 === 49 ? null : PROVINCES[Math.floor(i / 4) % 3].id },
      }),
    ),
  });

  it('should leave a small subject whole', () => {
    const pages: ListingPage[] = [];
    expect(splitSubject(subject(SPLIT_ABOVE), PROVINCES, pages)).toBeNull();
    expect(pages).toEqual([]);
  });

  it('should split a large one into province groups and pages, every finding counted once', () => {
    const pages: ListingPage[] = [];
    const s = subject(900);
    const split = splitSubject(s, PROVINCES, pages)!;
    expect(split.groups.map((g) => g.id)).toEqual(['groningen', 'friesland', 'drenthe', 'notities']);
    expect(split.groups.reduce((n, g) => n + g.findings, 0)).toBe(900);
    for (const g of split.groups) {
      const own = pages.filter((p) => p.group.id === g.id);
      expect(own[0].url).toBe(`/themas/lob/${g.id}/`);
      expect(own.map((p) => p.page)).toEqual(own.map((_, i) => i + 1));
      expect(own.every((p) => p.pages === own.length && p.owners.length <= OWNERS_PER_PAGE)).toBe(true);
      expect(own.reduce((n, p) => n + p.owners.reduce((m, o) => m + o.total, 0), 0)).toBe(g.findings);
      expect(own.map((p) => p.next)).toEqual([...own.slice(1).map((p) => p.url), null]);
    }
    expect(pages.every((p) => p.owners.every((o) => o.findingIds.length === Math.min(SHOWN_PER_OWNER, o.total)))).toBe(true);
    expect(new Set(pages.map((p) => p.url)).size).toBe(pages.length);
    // the best findings: the first of each case or note in the best-first order of all of them
    const firstPerOwner = bestFirst(s.findings, 'lob').filter((f, i, all) => all.findIndex((g) => g.owner.id === f.owner.id) === i);
    expect(split.best).toEqual(firstPerOwner.slice(0, 10).map((f) => f.id));
  });
});

describe('link at scale', () => {
  let dir: string;
  let graph: Graph;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-listing-'));
    writeCorpus(join(dir, 'sources'), 400);
    const r = await check(makeConfig(dir, { sourcesDir: 'sources' }));
    graph = link(r.model);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should split exactly the themes and threads with many findings', () => {
    for (const t of graph.themes) expect(Boolean(t.split)).toBe(t.findingIds.length > SPLIT_ABOVE);
    expect(graph.themes.some((t) => t.split)).toBe(true);
    for (const th of graph.threads) expect(Boolean(graph.threadSplits[th.id])).toBe(th.evidence.length + th.contrasts.length > SPLIT_ABOVE);
  });

  it('should list every finding of a split theme on exactly one sub-page, under its own case', () => {
    const t = graph.themes.find((x) => x.split)!;
    const pages = graph.listingPages.filter((p) => p.subject.url === t.url);
    const listed = pages.flatMap((p) => p.owners);
    expect(listed.reduce((n, o) => n + o.total, 0)).toBe(t.findingIds.length);
    const byId = new Map(graph.findings.map((f) => [f.id, f]));
    for (const p of pages)
      for (const o of p.owners)
        for (const id of o.findingIds) {
          expect(byId.get(id)!.owner.id).toBe(o.id);
          expect(byId.get(id)!.themes).toContain(t.id);
          expect(o.collection === 'notes' ? 'notities' : byId.get(id)!.owner.province).toBe(p.group.id);
        }
  });
});
