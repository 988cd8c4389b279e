// Eleventy does layouts, pagination, permalinks and the dev server. The source markdown is parsed
// once, by the pipeline (pipeline/), whose result arrives here as the global data `kb`.
// The pipeline is TypeScript: it is imported dynamically (Eleventy runs under tsx), because a
// static import would break Eleventy's dependency scan in --serve/--watch.
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { filtersPlugin } from './site/_config/filters.js';
import { nunjucksPlugin } from './site/_config/nunjucks.js';
import { searchPlugin } from './search/eleventy.js';
import { emitPlugin } from './pipeline/emit/eleventy.js';

const sourcesDir = process.env.KB_SOURCES || 'sources';
const watching = process.argv.some((a) => a === '--serve' || a === '--watch');
/** Written when a source is deleted (Eleventy 3.1 does not rebuild on a deletion by itself). */
const deletionTrigger = join(tmpdir(), `kennisbank-dev-${process.pid}`, 'bron-verwijderd');

export default async function (eleventyConfig) {
  eleventyConfig.addGlobalData('kb', async () => {
    const { siteData, keepParses } = await import('./pipeline/eleventy-data.ts');
    if (watching) keepParses(); // a rebuild re-parses only the changed files
    return siteData(process.cwd());
  });
  eleventyConfig.addWatchTarget(isAbsolute(sourcesDir) ? `${sourcesDir}/` : `./${sourcesDir}/`);
  eleventyConfig.addPlugin(filtersPlugin);
  eleventyConfig.addPlugin(searchPlugin);
  eleventyConfig.addPlugin(emitPlugin);
  eleventyConfig.addPlugin(nunjucksPlugin);

  if (watching) {
    const { rebuildOnDelete, OutputPruner } = await import('./pipeline/dev.ts');
    const { markAsBuild } = await import('./pipeline/output.ts');
    const stop = rebuildOnDelete(resolve(sourcesDir), deletionTrigger);
    eleventyConfig.addWatchTarget(deletionTrigger);
    let pruner;
    eleventyConfig.on('eleventy.after', ({ results, directories }) => {
      pruner ??= new OutputPruner(directories.output);
      pruner.afterBuild(results);
      try {
        markAsBuild(directories.output); // so that a later `npm run build` may replace this folder
      } catch {
        /* the marker only matters for a later build, which then asks for an empty folder */
      }
    });
    eleventyConfig.on('eleventy.reset', () => stop());
  }

  eleventyConfig.addPassthroughCopy({ 'site/assets': 'assets' });
  eleventyConfig.setServerOptions({ port: 8080, showAllHosts: false });
  eleventyConfig.setQuietMode(true);
}

export const config = {
  dir: { input: 'site', includes: '../templates', layouts: '../templates/layouts', data: '_data' },
  templateFormats: ['njk', '11ty.js'],
  htmlTemplateEngine: 'njk',
};
