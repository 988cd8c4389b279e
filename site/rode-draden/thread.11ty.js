// A page per rode draad (body: templates/pages/thread.njk).
import { paginated } from '../_config/nunjucks.js';

const page = paginated({
  items: 'kb.graph.threads',
  alias: 'th',
  body: 'thread.njk',
  permalink: (th) => `/rode-draden/${th.id}/`,
  title: (th) => `Rode draad: ${th.title}`,
  description: (th) => th.text,
});
export const data = page.data;
export const render = page.render;
