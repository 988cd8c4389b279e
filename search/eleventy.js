// Eleventy plugin for search: before each build (npm run build, npm start, and every rebuild of
// npm run dev) esbuild bundles the page script and the worker from search/browser/ into
// assets/js/search.js and assets/js/search-worker.js (deterministic, no source maps, no inline
// code); after each build the index files of the pipeline's index stage are written to search/.
// Plain JavaScript, so .eleventy.js can import it statically; TypeScript is loaded dynamically.
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** What was last written where, so a dev-server rebuild skips what did not change. */
const last = { bundle: '', index: '' };

/** Paths, sizes and times of the search sources: changes when one of them does. */
async function sourcesSignature() {
  const out = [];
  const walk = async (dir) => {
    for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (p.endsWith('.ts')) {
        const st = await stat(p);
        out.push(`${p}:${st.size}:${st.mtimeMs}`);
      }
    }
  };
  await walk(join(root, 'search'));
  return out.join('\n');
}

/** Bundle the search page script and worker into `<out>/assets/js/` (skipped when nothing changed). */
export async function bundleSearch(out) {
  const key = `${resolve(out)}\n${await sourcesSignature()}`;
  if (key === last.bundle && existsSync(join(out, 'assets/js/search-worker.js'))) return;
  const esbuild = await import('esbuild');
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { search: 'search/browser/page.ts', 'search-worker': 'search/browser/worker.ts' },
    outdir: join(out, 'assets/js'),
    bundle: true,
    format: 'iife',
    minify: true,
    target: ['es2020'],
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  });
  last.bundle = key;
}

/** Write the index files of the last pipeline run into `<out>/search/` (nothing when the sources have errors). */
export async function writeSearchIndex(out) {
  const { pipelineFor } = await import('../pipeline/eleventy-data.ts');
  const { makeConfig } = await import('../pipeline/config.ts');
  const { result } = await pipelineFor(makeConfig(process.cwd()));
  if (!result.search) return;
  const key = `${resolve(out)}\n${result.search.meta.build}`;
  if (key === last.index && existsSync(join(out, 'search/meta.json'))) return;
  await rm(join(out, 'search'), { recursive: true, force: true });
  const dirs = new Set(result.search.files.map((f) => dirname(join(out, f.path))));
  for (const d of dirs) await mkdir(d, { recursive: true });
  // a few at a time: at 10 000 cases there are over 10 000 files
  const files = [...result.search.files];
  const next = async () => {
    for (let f = files.pop(); f; f = files.pop()) await writeFile(join(out, f.path), f.bytes);
  };
  await Promise.all(Array.from({ length: 16 }, next));
  last.index = key;
}

export function searchPlugin(eleventyConfig) {
  eleventyConfig.addWatchTarget('./search/');
  eleventyConfig.on('eleventy.before', ({ directories }) => bundleSearch(directories.output));
  eleventyConfig.on('eleventy.after', ({ directories }) => writeSearchIndex(directories.output));
}
