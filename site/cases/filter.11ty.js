// A page per value of a case filter: province, route type, sector (body: templates/pages/filter.njk).
import { paginated } from '../_config/nunjucks.js';
import { caseTitles, plural } from '../_config/text.js';

const page = paginated({
  items: 'kb.graph.caseFilters',
  alias: 'filter',
  body: 'filter.njk',
  permalink: (filter) => filter.url,
  title: (filter) => `Cases — ${filter.facetLabel}: ${filter.label}`,
  description: (filter, d) => `${plural(filter.caseIds.length, 'case', 'cases')} ${filter.phrase}: ${caseTitles(filter.caseIds, d.kb.caseById)}.`,
});
export const data = page.data;
export const render = page.render;
