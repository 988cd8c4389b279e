// Eleventy does layouts, pagination, permalinks and the dev server. The source markdown is parsed
// once, by the pipeline (pipeline/), whose result arrives here as the global data `kb`.
// The pipeline is TypeScript: it is imported dynamically (Eleventy runs under tsx), because a
// static import would break Eleventy's dependency scan in --serve/--watch.
import { isAbsolute } from 'node:path';
import { filtersPlugin } from './site/_config/filters.js';
import { searchPlugin } from './search/eleventy.js';

const sourcesDir = process.env.KB_SOURCES || 'sources';

export default async function (eleventyConfig) {
  eleventyConfig.addGlobalData('kb', async () => {
    const { siteData } = await import('./pipeline/eleventy-data.ts');
    return siteData(process.cwd());
  });
  eleventyConfig.addWatchTarget(isAbsolute(sourcesDir) ? `${sourcesDir}/` : `./${sourcesDir}/`);
  eleventyConfig.addPlugin(filtersPlugin);
  eleventyConfig.addPlugin(searchPlugin);

  eleventyConfig.addPassthroughCopy({ 'site/assets': 'assets' });
  eleventyConfig.setServerOptions({ port: 8080, showAllHosts: false });
  eleventyConfig.setQuietMode(true);
}

export const config = {
  dir: { input: 'site', includes: '../templates', layouts: '../templates/layouts', data: '_data' },
  templateFormats: ['njk', '11ty.js'],
  htmlTemplateEngine: 'njk',
};
