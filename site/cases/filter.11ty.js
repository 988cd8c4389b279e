// A page per value of a case filter: province, route type, sector; a page of cases at a time
// (body: templates/pages/filter.njk).
import { paginated } from '../_config/nunjucks.js';
import { caseTitles, pageSuffix, plural } from '../_config/text.js';

const page = paginated({
  items: 'kb.graph.filterPages',
  alias: 'fp',
  body: 'filter.njk',
  permalink: (fp) => fp.url,
  title: (fp) => `Cases — ${fp.filter.facetLabel}: ${fp.filter.label}${pageSuffix(fp)}`,
  description: (fp, d) => `${plural(fp.filter.caseIds.length, 'case', 'cases')} ${fp.filter.phrase}: ${caseTitles(fp.caseIds, d.kb.caseById)}.`,
});
export const data = page.data;
export const render = page.render;
