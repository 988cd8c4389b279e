// A page per province, a page of cases at a time (body: templates/pages/province.njk).
import { paginated } from '../_config/nunjucks.js';
import { caseTitles, pageSuffix, plural } from '../_config/text.js';

const page = paginated({
  items: 'kb.graph.provincePages',
  alias: 'pp',
  body: 'province.njk',
  permalink: (pp) => pp.url,
  title: (pp) => `Provincie ${pp.province.label}${pageSuffix(pp)}`,
  description: (pp, d) =>
    pp.province.caseIds.length
      ? `${plural(pp.province.caseIds.length, 'case', 'cases')} in de provincie ${pp.province.label}, met hun knelpunten, succesfactoren en lessen: ${caseTitles(pp.caseIds, d.kb.caseById)}.`
      : `Er zijn (nog) geen leerlab-cases in de provincie ${pp.province.label}. Voeg er een toe: zie de handleiding voor auteurs.`,
});
export const data = page.data;
export const render = page.render;
