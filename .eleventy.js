// Eleventy does layouts, pagination, permalinks and the dev server. The source markdown is parsed
// once, by the pipeline (pipeline/), whose result arrives here as the global data `kb`.
// The pipeline is TypeScript: it is imported dynamically (Eleventy runs under tsx), because a
// static import would break Eleventy's dependency scan in --serve/--watch.
import { createRequire } from 'node:module';
import { isAbsolute } from 'node:path';
import { filtersPlugin } from './site/_config/filters.js';

const require = createRequire(import.meta.url);
const sourcesDir = process.env.KB_SOURCES || 'sources';

export default async function (eleventyConfig) {
  eleventyConfig.addGlobalData('kb', async () => {
    const { siteData } = await import('./pipeline/eleventy-data.ts');
    return siteData(process.cwd());
  });
  eleventyConfig.addWatchTarget(isAbsolute(sourcesDir) ? `${sourcesDir}/` : `./${sourcesDir}/`);
  eleventyConfig.addPlugin(filtersPlugin);

  eleventyConfig.addPassthroughCopy({ 'site/assets': 'assets' });
  eleventyConfig.addPassthroughCopy({
    [require.resolve('lunr/lunr.min.js')]: 'assets/vendor/lunr.min.js',
    [require.resolve('lunr-languages/min/lunr.stemmer.support.min.js')]: 'assets/vendor/lunr.stemmer.support.min.js',
    [require.resolve('lunr-languages/min/lunr.nl.min.js')]: 'assets/vendor/lunr.nl.min.js',
  });
  eleventyConfig.setServerOptions({ port: 8080, showAllHosts: false });
  eleventyConfig.setQuietMode(true);
}

export const config = {
  dir: { input: 'site', includes: '../templates', layouts: '../templates/layouts', data: '_data' },
  templateFormats: ['njk', '11ty.js'],
  htmlTemplateEngine: 'njk',
};
