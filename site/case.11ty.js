// A page per case (body: templates/pages/case.njk).
import { paginated } from './_config/nunjucks.js';

const page = paginated({
  items: 'kb.graph.cases',
  alias: 'entry',
  body: 'case.njk',
  permalink: (entry) => entry.url,
  title: (entry) => entry.title,
  description: (entry) => entry.summary,
});
export const data = page.data;
export const render = page.render;
