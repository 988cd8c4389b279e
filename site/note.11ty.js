// A page per research note (body: templates/pages/note.njk).
import { paginated } from './_config/nunjucks.js';

const page = paginated({
  items: 'kb.graph.notes',
  alias: 'entry',
  body: 'note.njk',
  permalink: (entry) => entry.url,
  title: (entry) => entry.title,
  description: (entry) => entry.summary,
});
export const data = page.data;
export const render = page.render;
