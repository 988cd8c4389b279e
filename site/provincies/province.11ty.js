// A page per province (body: templates/pages/province.njk).
import { paginated } from '../_config/nunjucks.js';
import { caseTitles, plural } from '../_config/text.js';

const page = paginated({
  items: 'kb.graph.provinces',
  alias: 'province',
  body: 'province.njk',
  permalink: (province) => province.url,
  title: (province) => `Provincie ${province.label}`,
  description: (province, d) =>
    province.caseIds.length
      ? `${plural(province.caseIds.length, 'case', 'cases')} in de provincie ${province.label}, met hun knelpunten, succesfactoren en lessen: ${caseTitles(province.caseIds, d.kb.caseById)}.`
      : `Er zijn (nog) geen leerlab-cases in de provincie ${province.label}. Voeg er een toe: zie de handleiding voor auteurs.`,
});
export const data = page.data;
export const render = page.render;
