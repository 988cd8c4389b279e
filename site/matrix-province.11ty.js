// The case × theme matrix of one province, a page of cases at a time, when there are too many
// cases for one matrix (body: templates/pages/matrix.njk; data: pipeline/link/paging.ts).
import { paginated } from './_config/nunjucks.js';
import { pageSuffix } from './_config/text.js';

const page = paginated({
  items: 'kb.graph.matrixPages',
  alias: 'mp',
  body: 'matrix.njk',
  permalink: (mp) => mp.url,
  title: (mp) => `Matrix cases × thema's — ${mp.province.label}${pageSuffix(mp)}`,
  description: (mp) => `De cases in ${mp.province.label} tegen alle thema's: per vakje het aantal bevindingen van een case op een thema, met een link naar die bevindingen.`,
});
export const data = page.data;
export const render = page.render;
