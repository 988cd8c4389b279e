// The bridge to Eleventy: the pipeline's result as global data (`kb`). Cached on the content of
// the sources, so the CLI build and Eleventy's data cascade share one pipeline run, and the dev
// server re-runs it only when a source file changed.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { makeConfig, type Config } from './config.ts';
import { runPipeline, type PipelineResult } from './build.ts';
import { ParseMemo } from './parse/pool.ts';
import { load } from './load/index.ts';
import { LIMIT_GUIDE } from './limits.ts';
import { formatReport, problem, RULES, sortProblems } from './problems.ts';
import { link, type Graph } from './link/index.ts';
import { buildBriefs, type Briefs } from './brief/index.ts';

export interface SiteData {
  ok: boolean;
  problems: ReturnType<typeof sortProblems>;
  report: string;
  graph: Graph;
  /** Theme and province briefs and the home/method charts (pipeline/brief). */
  briefs: Briefs;
  findingById: Record<string, Graph['findings'][number]>;
  caseById: Record<string, Graph['cases'][number]>;
  noteById: Record<string, Graph['notes'][number]>;
  themeById: Record<string, Graph['themes'][number]>;
  threadById: Record<string, Graph['threads'][number]>;
  provinceById: Record<string, Graph['provinces'][number]>;
  documentById: Record<string, Graph['documents'][number]>;
  placeById: Record<string, Graph['places'][number]>;
  /** The rule catalogue, for the author guide. */
  rules: { id: string; title: string; severity: string; hint: string }[];
  /** The limits on one source file, for the author guide. */
  limits: typeof LIMIT_GUIDE;
}

const byId = <T extends { id: string }>(xs: readonly T[] | undefined): Record<string, T> => Object.fromEntries((xs ?? []).map((x) => [x.id, x]));

/** A graph with nothing in it, so pages still render while the first build has errors. */
const emptyGraph = (): Graph => link({ cases: [], notes: [], codebook: { domeinen: [], themas: [] }, documents: [], places: [] });

/** Site data; while the sources have errors, the last good graph is shown with the problems. */
export function toSiteData(r: PipelineResult, lastGood: Graph | null = null): SiteData {
  const g = r.graph ?? lastGood ?? emptyGraph();
  return {
    ok: r.ok,
    problems: sortProblems(r.problems),
    report: formatReport(r.problems),
    graph: g,
    // while the sources have errors, briefs of the graph shown (dated unknown)
    briefs: r.briefs ?? buildBriefs(g, { siteUrl: '', sourceDate: { iso: null, label: null, from: null } }),
    findingById: byId(g?.findings),
    caseById: byId(g?.cases),
    noteById: byId(g?.notes),
    themeById: byId(g?.themes),
    threadById: byId(g?.threads),
    provinceById: byId(g?.provinces),
    documentById: byId(g?.documents),
    placeById: byId(g?.places),
    rules: Object.entries(RULES).map(([id, r]) => ({ id, ...r })),
    limits: LIMIT_GUIDE,
  };
}

let cache: { key: string; result: PipelineResult; data: SiteData; lastGood: Graph | null } | null = null;

/** The dev server's parsed files, kept between rebuilds (see keepParses). */
let memo: ParseMemo | undefined;

/**
 * For the dev server (Eleventy's --serve/--watch): from now on a rebuild parses only the source
 * files that changed. Not for a one-off build, where it would only hold memory.
 */
export function keepParses(): void {
  memo ??= new ParseMemo();
}

/** Run (or reuse) the pipeline for `root` and return both the raw result and the site data. */
export async function pipelineFor(config: Config): Promise<{ result: PipelineResult; data: SiteData; cached: boolean }> {
  const t0 = performance.now();
  const loaded = await load(config.root, config.sourcesDir);
  const loadMs = Math.round((performance.now() - t0) * 10) / 10;
  const s = loaded.sources;
  const hash = createHash('sha256');
  // the output folder does not change the result: `build --out X` and Eleventy's own data call share a run
  hash.update(JSON.stringify({ config: { ...config, outputDir: null }, problems: loaded.problems }));
  for (const f of [...s.cases, ...s.notes, s.codebook, s.documents, s.places]) if (f) hash.update(`\0${f.path}\0${f.text}`);
  const key = hash.digest('hex');
  if (cache?.key === key) return { result: cache.result, data: cache.data, cached: true };
  const result = await runPipeline(config, loaded, memo);
  result.timings = { load: loadMs, ...result.timings };
  const data = toSiteData(result, cache?.result.graph ?? cache?.lastGood ?? null);
  cache = { key, result, data, lastGood: result.graph ?? cache?.lastGood ?? null };
  return { result, data, cached: false };
}

/** The failing result whose problems were last printed. */
let reported: SiteData | null = null;

/**
 * Entry point for .eleventy.js. Never throws: a throw from global data leaves Eleventy 3.1's dev
 * server broken until it is restarted ("templateRender has not yet initialized"), so even a bug
 * becomes a problem shown on every page, with the last good site below it.
 */
export async function siteData(root: string): Promise<SiteData> {
  const config = makeConfig(root);
  try {
    const { data } = await pipelineFor(config);
    if (!data.ok && reported !== data) {
      // In the dev server the site still renders, with the problems shown on every page. Printed
      // once per result, whoever ran the pipeline first (the search plugin does too, after a build).
      process.stderr.write(`\n${data.report}\n`);
      reported = data;
    }
    // Frozen, so Eleventy's data cascade shares it with every page instead of deep-copying it per
    // page (a copy per page made rendering grow with the square of the number of cases). The top
    // object is enough: Eleventy copies nothing below a frozen object and wraps nothing in it.
    // Freezing every object below too took seconds at 10 000 cases.
    return Object.freeze(data);
  } catch (e) {
    const p = problem('internal', config.sourcesDir, undefined, `interne fout bij het verwerken van de bronnen: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
    process.stderr.write(`\n${formatReport([p])}\n`);
    const failed = { ok: false, problems: [p], graph: null, files: [] } as unknown as PipelineResult;
    return Object.freeze(toSiteData(failed, cache?.lastGood ?? null));
  }
}
