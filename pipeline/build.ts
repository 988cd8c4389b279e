// `build` only composes the stages: load → parse → validate → link → brief → index → emit.
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { makeConfig, type Config } from './config.ts';
import { emitFiles, type OutputFile } from './emit/index.ts';
import { buildSearchIndex, type SearchData } from './index/index.ts';
import { readLexicon } from './index/lexicon.ts';
import { buildBriefs, sourceDate, type Briefs } from './brief/index.ts';
import { link, type Graph } from './link/index.ts';
import { load, type LoadedSources } from './load/index.ts';
import { parseDataFile } from './parse/index.ts';
import { parseAll, type ParseMemo } from './parse/pool.ts';
import { hasErrors, type Problem } from './problems.ts';
import { validate, type ValidModel } from './validate/index.ts';

export interface Timings {
  [stage: string]: number;
}

export interface CheckResult {
  model: ValidModel;
  problems: Problem[];
  ok: boolean;
  timings: Timings;
}

export interface PipelineResult extends CheckResult {
  graph: Graph | null;
  /** Theme and province briefs and the charts of the home and method pages. */
  briefs: Briefs | null;
  search: SearchData | null;
  files: OutputFile[];
}

type Stage = 'load' | 'parse' | 'validate' | 'link' | 'brief' | 'index' | 'emit';

function timer(timings: Timings) {
  return async <T>(stage: Stage, fn: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await fn();
    timings[stage] = Math.round((performance.now() - t0) * 10) / 10;
    return out;
  };
}

/** Parse and validate already-loaded sources. */
export async function checkSources(sources: LoadedSources, loadProblems: Problem[], timings: Timings = {}, memo?: ParseMemo): Promise<CheckResult> {
  const time = timer(timings);
  const items = [...sources.cases.map((file) => ({ file, collection: 'cases' as const })), ...sources.notes.map((file) => ({ file, collection: 'notes' as const }))];
  const parsed = await time('parse', async () => ({
    // markdown on every core (parse/pool.ts); in the dev server only the files that changed
    entries: await (memo ? memo.parseAll(items) : parseAll(items)),
    codebook: sources.codebook && parseDataFile(sources.codebook),
    documents: sources.documents && parseDataFile(sources.documents),
    places: sources.places && parseDataFile(sources.places),
  }));
  const { model, problems } = await time('validate', () => validate(parsed));
  const all = [...loadProblems, ...problems];
  return { model, problems: all, ok: !hasErrors(all), timings };
}

/** Validate only (`npm run check`). */
export async function check(config: Config): Promise<CheckResult> {
  const timings: Timings = {};
  const { sources, problems } = await timer(timings)('load', () => load(config.root, config.sourcesDir));
  return checkSources(sources, problems, timings);
}

/**
 * The whole pipeline. Stops after validation when there are errors. `memo` (the dev server's)
 * keeps the parsed files between runs.
 */
export async function runPipeline(config: Config, loaded?: Awaited<ReturnType<typeof load>>, memo?: ParseMemo): Promise<PipelineResult> {
  const timings: Timings = {};
  const time = timer(timings);
  const { sources, problems: loadProblems } = loaded ?? (await time('load', () => load(config.root, config.sourcesDir)));
  const checked = await checkSources(sources, loadProblems, timings, memo);
  // the search's synonym list (search/lexicon/): a line it cannot read stops the build too
  const lexicon = readLexicon(config.root);
  if (!checked.ok || hasErrors(lexicon.problems)) return { ...checked, problems: [...checked.problems, ...lexicon.problems], ok: false, graph: null, briefs: null, search: null, files: [] };
  const graph = await time('link', () => link(checked.model, config.threadRule));
  const briefs = await time('brief', () => buildBriefs(graph, { siteUrl: config.siteUrl, sourceDate: sourceDate(resolve(config.root, config.sourcesDir)) }));
  const search = await time('index', () => buildSearchIndex(graph, lexicon.rules));
  const files = await time('emit', () => emitFiles(graph, config));
  return { ...checked, graph, briefs, search, files };
}

export { makeConfig };
