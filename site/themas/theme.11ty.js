// A page per theme (body: templates/pages/theme.njk).
import { paginated } from '../_config/nunjucks.js';

const page = paginated({
  items: 'kb.graph.themes',
  alias: 'theme',
  body: 'theme.njk',
  permalink: (theme) => theme.url,
  title: (theme) => `Thema: ${theme.label}`,
  description: (theme) => theme.definitie,
});
export const data = page.data;
export const render = page.render;
