// Search evaluation: seven query sets, scored for three engines in one run (scripts/eval-engines.ts),
// reported apart — the tuned set (test/search-queries.json: the weights were tuned on it), the first
// held-out set (test/search-queries-heldout.json: written before the first tuning round, its misses
// seen in the second), the second held-out set (test/search-queries-heldout-2.json: written before
// the second round, its results seen after it), the third, fourth and fifth held-out sets
// (test/search-queries-heldout-3.json … test/search-queries-heldout-5.json: each written before its
// round by someone who had not read the search code, sealed during that round, seen since) and the
// sealed set (test/search-queries-heldout-6.json: written before the sixth round by someone who had
// not read the search code or any evaluation result, its results not looked at while tuning).
// Prints per set a table per kind and the tuned set's misses (every set's, all engines', with
// --verbose), and writes test-output/eval-search.json.
//
//   npm run eval:search [-- --site DIR] [--sources DIR] [--verbose] [--dev]
//   --site DIR: use an existing build (default: build the site into a temporary folder first).
//   --dev: leave the sealed set out (while tuning).
//
// Every engine answers with pages, each with at most three findings beneath it. Metrics, per query:
//   R@5     share of the expected ids (at most 5 counted) covered by the first 5 pages; a page covers
//           its own id and the findings shown beneath it
//   MRR     1 / rank of the first page (top 10) covering an expected id
//   pages   recall@5 over pages: the pages of the expected ids among the first 5 pages
//   findings recall@5 over findings: the expected findings among the first 5 findings in reading
//           order (only queries that expect findings)
// A query that should find nothing scores 1 on all when there are no results, else 0.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { runPipeline } from '../pipeline/build.ts';
import { makeConfig } from '../pipeline/config.ts';
import { defaultLunrEngine, oursEngine, pagefindRuns, type Engine, type Group } from './eval-engines.ts';
import { readQueries, resolveQueries, type ResolvedQuery } from './search-queries.ts';

interface Score {
  r5: number;
  mrr: number;
  pages: number;
  /** null: the query expects no findings */
  findings: number | null;
}
const ENGINES = ['ons', 'pagefind', 'lunr'] as const;
type EngineName = (typeof ENGINES)[number];

export function scoreQuery(expect: string[], groups: Group[]): Score {
  if (!expect.length) {
    const ok = groups.length ? 0 : 1;
    return { r5: ok, mrr: ok, pages: ok, findings: ok };
  }
  const top5 = groups.slice(0, 5);
  const covers = (g: Group) => [g.page, ...g.findings];
  const found = expect.filter((e) => top5.some((g) => covers(g).includes(e)));
  const first = groups.slice(0, 10).findIndex((g) => covers(g).some((c) => expect.includes(c)));
  const pages = [...new Set(expect.map((e) => e.split('#')[0]))];
  const pagesFound = pages.filter((p) => top5.some((g) => g.page === p));
  const findings = expect.filter((e) => e.includes('#'));
  const firstFindings = groups.flatMap((g) => g.findings).slice(0, 5);
  return {
    r5: Math.min(1, found.length / Math.min(expect.length, 5)),
    mrr: first < 0 ? 0 : 1 / (first + 1),
    pages: pagesFound.length / Math.min(pages.length, 5),
    findings: findings.length ? findings.filter((f) => firstFindings.includes(f)).length / Math.min(findings.length, 5) : null,
  };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
function summary(scores: Score[]) {
  return {
    r5: mean(scores.map((s) => s.r5)),
    mrr: mean(scores.map((s) => s.mrr)),
    pages: mean(scores.map((s) => s.pages)),
    findings: mean(scores.filter((s) => s.findings !== null).map((s) => s.findings!)),
  };
}

const f3 = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(3));

/** A markdown table: a row per kind and one for all, per engine R@5 / MRR / pages / findings. */
function table(title: string, queries: ResolvedQuery[], scores: Record<EngineName, Score[]>): { text: string; data: object } {
  const kinds = [...new Set(queries.map((q) => q.kind))];
  const rows = [...kinds.map((k) => ({ kind: k, idx: queries.flatMap((q, i) => (q.kind === k ? [i] : [])) })), { kind: 'alle', idx: queries.map((_, i) => i) }];
  const data = rows.map((r) => ({ kind: r.kind, n: r.idx.length, ...Object.fromEntries(ENGINES.map((e) => [e, summary(r.idx.map((i) => scores[e][i]))])) }));
  const head = `| soort | n | ${ENGINES.map((e) => `${e} R@5 | ${e} MRR | ${e} pag. | ${e} bev.`).join(' | ')} |`;
  const sep = `| --- | ---: | ${ENGINES.map(() => '---: | ---: | ---: | ---:').join(' | ')} |`;
  const lines = data.map((d) => {
    const cells = ENGINES.map((e) => {
      const s = (d as unknown as Record<EngineName, ReturnType<typeof summary>>)[e];
      return `${f3(s.r5)} | ${f3(s.mrr)} | ${f3(s.pages)} | ${f3(s.findings)}`;
    });
    return `| ${d.kind === 'alle' ? '**alle**' : d.kind} | ${d.n} | ${cells.join(' | ')} |`;
  });
  return { text: `\n### ${title}\n\n${head}\n${sep}\n${lines.join('\n')}\n`, data };
}

async function main() {
  const root = process.cwd();
  const { values: args } = parseArgs({ options: { site: { type: 'string' }, sources: { type: 'string' }, verbose: { type: 'boolean', default: false }, dev: { type: 'boolean', default: false } } });
  const sourcesDir = args.sources ?? 'sources';
  let site = args.site ? resolve(args.site) : '';
  let tmpSite = '';
  if (!site) {
    tmpSite = mkdtempSync(join(tmpdir(), 'kb-eval-site-'));
    site = join(tmpSite, 'site');
    process.stdout.write(`site bouwen in ${site} …\n`);
    execFileSync(process.execPath, ['--import', 'tsx', 'pipeline/cli.ts', 'build', '--sources', sourcesDir, '--out', site, '--quiet'], { cwd: root, stdio: 'inherit' });
  }
  if (!existsSync(join(site, 'search/meta.json'))) throw new Error(`geen zoekindex in ${site}: bouw de site eerst`);
  const result = await runPipeline(makeConfig(root, { sourcesDir }));
  if (!result.ok || !result.graph) throw new Error('de bronnen hebben fouten: npm run check');
  const graph = result.graph;

  const sets = [
    { name: 'afgestemd', tag: 'A', file: 'test/search-queries.json', sealed: false },
    { name: 'held-out 1 (gezien)', tag: 'H1', file: 'test/search-queries-heldout.json', sealed: false },
    { name: 'held-out 2 (gezien)', tag: 'H2', file: 'test/search-queries-heldout-2.json', sealed: false },
    { name: 'held-out 3 (gezien)', tag: 'H3', file: 'test/search-queries-heldout-3.json', sealed: false },
    { name: 'held-out 4 (gezien)', tag: 'H4', file: 'test/search-queries-heldout-4.json', sealed: false },
    { name: 'held-out 5 (gezien)', tag: 'H5', file: 'test/search-queries-heldout-5.json', sealed: false },
    { name: 'held-out 6 (verzegeld)', tag: 'H6', file: 'test/search-queries-heldout-6.json', sealed: true },
  ]
    .filter((s) => !(args.dev && s.sealed))
    .map((s) => ({ ...s, queries: resolveQueries(readQueries(join(root, s.file)), graph) }));

  const ours = await oursEngine(site);
  const lunr = defaultLunrEngine(graph);
  const pf = await pagefindRuns(site, graph, [...new Set(sets.flatMap((s) => s.queries.map((q) => q.q)))]);
  const engines: Record<EngineName, Engine> = { ons: ours.run, pagefind: async (q) => pf.get(q) ?? [], lunr };

  const out: Record<string, unknown> = {};
  let report = '';
  const misses: string[] = [];
  for (const set of sets) {
    const scores = {} as Record<EngineName, Score[]>;
    const results = {} as Record<EngineName, Group[][]>;
    for (const e of ENGINES) {
      results[e] = [];
      for (const q of set.queries) results[e].push(await engines[e](q.q));
      scores[e] = set.queries.map((q, i) => scoreQuery(q.expect, results[e][i]));
    }
    const t = table(`${set.name}: ${set.queries.length} queries (${set.file})`, set.queries, scores);
    report += t.text;
    out[set.name] = { file: set.file, table: t.data, perQuery: set.queries.map((q, i) => ({ ...q, ...Object.fromEntries(ENGINES.map((e) => [e, { ...scores[e][i], top: results[e][i].slice(0, 5) }])) })) };
    // misses of the held-out set only with --verbose: it must not steer tuning
    if (set.name !== 'afgestemd' && !args.verbose) continue;
    for (const e of args.verbose ? ENGINES : (['ons'] as const)) {
      set.queries.forEach((q, i) => {
        const s = scores[e][i];
        if (s.r5 < 1 || s.mrr < 1 || s.pages < 1 || (s.findings ?? 1) < 1)
          misses.push(`  [${set.tag}] ${e} "${q.q}" R@5 ${f3(s.r5)} MRR ${f3(s.mrr)} pag. ${f3(s.pages)} bev. ${f3(s.findings ?? NaN)} — top: ${results[e][i].slice(0, 5).map((g) => `${g.page}[${g.findings.map((f) => f.split('#')[1]).join(',')}]`).join(' ')}`);
      });
    }
  }
  const times = [...ours.times].sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  process.stdout.write(`${report}\nR@5 = recall@5 en MRR over de eerste 5 (10) cases/notities met hun bevindingen; pag. = recall@5 over pagina's; bev. = recall@5 over de eerste 5 bevindingen.\n`);
  process.stdout.write(`zoektijd ons (Node, incl. laden van shards): mediaan ${pct(0.5).toFixed(2)} ms, p95 ${pct(0.95).toFixed(2)} ms\n`);
  if (misses.length) process.stdout.write(`\nniet perfect:\n${misses.join('\n')}\n`);
  mkdirSync(join(root, 'test-output'), { recursive: true });
  writeFileSync(join(root, 'test-output/eval-search.json'), `${JSON.stringify({ metrics: 'see scripts/eval-search.ts', timingsNodeMs: { median: pct(0.5), p95: pct(0.95) }, ...out }, null, 2)}\n`);
  process.stdout.write(`\ngeschreven: test-output/eval-search.json\n`);
  if (tmpSite) rmSync(tmpSite, { recursive: true, force: true });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : e}\n`);
    process.exit(1);
  });
}
