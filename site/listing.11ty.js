// Sub-pages of themes and rode draden with many findings: per province (or the notes), the cases
// with their best findings on the subject, a few dozen at a time (body: templates/pages/listing.njk;
// data: pipeline/link/listing.ts).
import { paginated } from './_config/nunjucks.js';
import { pageSuffix, plural } from './_config/text.js';

const what = (lp) => (lp.subject.kind === 'theme' ? `Thema: ${lp.subject.title}` : `Rode draad: ${lp.subject.title}`);
const page = paginated({
  items: 'kb.graph.listingPages',
  alias: 'lp',
  body: 'listing.njk',
  permalink: (lp) => lp.url,
  title: (lp) => `${what(lp)} — ${lp.contrasts ? 'tegengesteld, ' : ''}${lp.group.label}${pageSuffix(lp)}`,
  description: (lp) => `${plural(lp.owners.length, lp.group.id === 'notities' ? 'notitie' : 'case', lp.group.id === 'notities' ? 'notities' : 'cases')} in ${lp.group.label} met hun sterkste bevindingen bij ${what(lp).toLowerCase()}.`,
});
export const data = page.data;
export const render = page.render;
