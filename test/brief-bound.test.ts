// The brief stage at scale: a theme (or a province's findings on a theme) with more findings than
// MAX_GROUPED groups only a chosen MAX_GROUPED of them — cited by rode draden first, then spread over
// provinces and cases — and counts the rest; the real corpus is far below the bound, so its briefs
// are exactly what they are without one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeConfig, runPipeline, type PipelineResult } from '../pipeline/build.ts';
import { DEFAULT_GROUPING, Grouper, MAX_GROUPED, sideOf } from '../pipeline/brief/groups.ts';
import { buildBriefs, type SourceDate } from '../pipeline/brief/index.ts';
import { writeCorpus } from '../scripts/bench-corpus.ts';

const DATE: SourceDate = { iso: '2026-01-01', label: '1 januari 2026', from: 'git' } as SourceDate;
const opts = (maxGrouped: number) => ({ siteUrl: 'https://kennisbank.example.nl', sourceDate: DATE, grouping: { ...DEFAULT_GROUPING, maxGrouped } });

describe('the brief of the real corpus', () => {
  it('should be the same with the bound as without one', async () => {
    const r = await runPipeline(makeConfig(process.cwd()));
    expect(r.ok).toBe(true);
    const graph = r.graph!;
    const largest = Math.max(...graph.themes.map((t) => t.findingIds.filter((id) => sideOf(graph.findings.find((f) => f.id === id)!.type)).length));
    expect(largest).toBeLessThan(MAX_GROUPED);
    const bounded = buildBriefs(graph, opts(MAX_GROUPED));
    expect(JSON.stringify(bounded)).toBe(JSON.stringify({ ...buildBriefs(graph, opts(Infinity)), maxGrouped: MAX_GROUPED }));
    expect(Object.values(bounded.themes).every((b) => b.blokkeert.ungrouped === 0 && b.hielp.ungrouped === 0)).toBe(true);
  }, 120_000);
});

describe('a brief over more findings than the bound', () => {
  let work: string;
  let r: PipelineResult;
  const MAX = 40;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'kb-brief-bound-'));
    writeCorpus(join(work, 'sources'), 100);
    r = await runPipeline(makeConfig(work, { sourcesDir: 'sources' }));
    expect(r.ok).toBe(true);
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const groupable = (ids: readonly string[]) => [...new Set(ids)].filter((id) => sideOf(r.graph!.findings.find((f) => f.id === id)!.type)).sort();
  const largestTheme = () => [...r.graph!.themes].sort((a, b) => b.findingIds.length - a.findingIds.length)[0];

  it('should choose cited findings first, then findings from every province and from as many cases as it can', () => {
    const graph = r.graph!;
    const byId = new Map(graph.findings.map((f) => [f.id, f]));
    const all = groupable(largestTheme().findingIds);
    expect(all.length).toBeGreaterThan(MAX * 2);
    const chosen = new Grouper(graph, { ...DEFAULT_GROUPING, maxGrouped: MAX }).choose(all);
    expect(chosen).toHaveLength(MAX);
    expect(chosen).toEqual([...chosen].sort());
    expect(new Set(chosen).size).toBe(MAX);
    // every finding of the set that an authored rode draad cites (fewer than the bound here)
    const cited = new Set<string>(graph.threads.filter((t) => t.kind === 'authored').flatMap((t) => t.evidence));
    const citedInSet = all.filter((id) => cited.has(id));
    expect(citedInSet.length).toBeGreaterThan(0);
    expect(citedInSet.length).toBeLessThan(MAX);
    expect(chosen.filter((id) => cited.has(id))).toEqual(citedInSet);
    // every province (and the notes) with findings on the theme; one finding of every case before a second of any
    const province = (id: string) => byId.get(id)!.owner.province ?? 'notes';
    expect(new Set(chosen.map(province))).toEqual(new Set(all.map(province)));
    const owners = new Set(all.map((id) => byId.get(id)!.owner.id));
    expect(owners.size).toBeGreaterThan(MAX);
    const uncited = chosen.filter((id) => !cited.has(id));
    expect(new Set(uncited.map((id) => byId.get(id)!.owner.id)).size).toBe(uncited.length);
    // the same set every time
    expect(new Grouper(graph, { ...DEFAULT_GROUPING, maxGrouped: MAX }).choose([...all].reverse())).toEqual(chosen);
  });

  it('should group only the chosen findings and count the others, on the theme brief and the province brief', () => {
    const graph = r.graph!;
    const theme = largestTheme();
    const all = groupable(theme.findingIds);
    const briefs = buildBriefs(graph, opts(MAX));
    const b = briefs.themes[theme.id];
    const sides = { blokkeert: 0, hielp: 0 };
    for (const id of all) sides[sideOf(graph.findings.find((f) => f.id === id)!.type)!]++;
    // counts over all findings; the grouped ones are the bound
    expect(b.blokkeert.findings).toBe(sides.blokkeert);
    expect(b.hielp.findings).toBe(sides.hielp);
    expect(b.blokkeert.ungrouped + b.hielp.ungrouped).toBe(all.length - MAX);
    expect(b.profile.findings).toBe(theme.findingIds.length);
    for (const sec of [b.blokkeert, b.hielp])
      for (const g of sec.groups) expect(new Grouper(graph, { ...DEFAULT_GROUPING, maxGrouped: MAX }).choose(all)).toContain(g.statement.findingId);
    // a province's findings on the theme above the bound are chosen the same way
    const p = Object.values(briefs.provinces).flatMap((pb) => pb.themes).find((t) => t.blokkeert.findings + t.hielp.findings > MAX);
    expect(p).toBeDefined();
    expect(p!.blokkeert.ungrouped + p!.hielp.ungrouped).toBe(p!.blokkeert.findings + p!.hielp.findings - MAX);
    expect(briefs.maxGrouped).toBe(MAX);
  });
});
