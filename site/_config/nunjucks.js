// Paginated pages (a page per case, note, theme, thread …) as JavaScript templates whose body is a
// Nunjucks template in templates/pages/, rendered with Eleventy's own Nunjucks environment (same
// filters, same template folder, its cache cleared by the dev server when a template changes).
// A .njk page is compiled again for every page of its pagination, with its permalink and computed
// title; this way each body is compiled once and the permalink and title are plain functions.
const ENV = Symbol.for('kennisbank.nunjucks');

export function nunjucksPlugin(eleventyConfig) {
  eleventyConfig.on('eleventy.engine.njk', ({ environment }) => {
    globalThis[ENV] = environment;
  });
}

/** Render templates/<name> with `data`. */
export function renderNunjucks(name, data) {
  const env = globalThis[ENV];
  if (!env) return Promise.reject(new Error(`Nunjucks is not ready to render ${name}`));
  return new Promise((resolve, reject) => env.render(name, data, (e, html) => (e ? reject(e) : resolve(html))));
}

/**
 * One page per item of `items` (a path in the data, like `kb.graph.cases`), with the body
 * templates/pages/<body> in templates/layouts/base.njk; `permalink`, `title` and `description`
 * take the item (and all data).
 *
 * The layout is applied here rather than by Eleventy: Eleventy keeps every page's content in
 * memory until the build ends, and with its own layout it keeps it twice (with and without the
 * layout). In a build (not in the dev server, whose live reload reads the HTML as text) the page
 * is handed over as UTF-8 bytes, which take half the memory of a JavaScript string of text with
 * characters such as "→" or "–" in it. At 10 000 cases this is the difference between running
 * out of memory and not.
 */
export function paginated({ items, alias, body, permalink, title, description }) {
  const asBytes = process.env.ELEVENTY_RUN_MODE === 'build';
  return {
    data: {
      pagination: { data: items, size: 1, alias, addAllPagesToCollections: true },
      permalink: (d) => permalink(d[alias], d),
      eleventyComputed: {
        title: (d) => title(d[alias], d),
        description: (d) => description(d[alias], d),
      },
    },
    render: async (d) => {
      const html = await renderNunjucks('layouts/base.njk', { ...d, content: await renderNunjucks(`pages/${body}`, d) });
      return asBytes ? Buffer.from(html) : html;
    },
  };
}
