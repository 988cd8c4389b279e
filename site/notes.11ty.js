// /notities/: the research notes with their summaries, a page at a time (body: templates/pages/notes.njk).
import { paginated } from './_config/nunjucks.js';
import { pageSuffix } from './_config/text.js';

const page = paginated({
  items: 'kb.graph.notePages',
  alias: 'np',
  body: 'notes.njk',
  permalink: (np) => np.url,
  title: (np) => `Notities${pageSuffix(np)}`,
  description: () => 'Praktijkonderzoek, interviews en syntheses over doorlopende leerroutes vmbo-mbo die de afzonderlijke cases overstijgen.',
});
export const data = page.data;
export const render = page.render;
