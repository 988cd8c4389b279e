// A new case file from templates/case.md: the names it gets, and the template filled in.
// The questions and checks of `npm run new` live in pipeline/new/.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { slugify } from './util/text.ts';

/** The template, found beside the code (not in the working directory). */
export const TEMPLATE = fileURLToPath(new URL('../templates/case.md', import.meta.url));

/** Longest id `npm run new` proposes: ids become file names, addresses and parts of every permalink. */
export const SHORT_ID_MAX = 30;

/** "Leerlab 's-Hertogenbosch" → "s-hertogenbosch"; "Pilot Zwolle-Zuid" → "pilot-zwolle-zuid". */
export function caseSlug(title: string): string {
  return slugify(title).replace(/^leerlab-/, '');
}

/** Words that carry no meaning in an id ("van", "de", "en"), dropped when the slug is too long. */
const FILLER = new Set('de het een en of van voor naar in op met bij tot over uit aan door leerlab pilot project'.split(' '));

/**
 * A short id from a title: the slug when it fits in SHORT_ID_MAX characters, else its meaningful
 * words, as many as fit. "Doorlopende leerroute techniek van vmbo naar mbo in Zeeuws-Vlaanderen"
 * → "doorlopende-leerroute-techniek".
 */
export function shortId(title: string): string {
  const slug = caseSlug(title);
  if (slug.length <= SHORT_ID_MAX) return slug;
  const words = slug.split('-').filter((w) => !FILLER.has(w));
  let id = '';
  for (const w of words) {
    const next = id ? `${id}-${w}` : w;
    if (next.length > SHORT_ID_MAX) break;
    id = next;
  }
  return id || slug.slice(0, SHORT_ID_MAX).replace(/-+$/, '');
}

/** "Leerlab Weert" → "Weert": the region an author most likely means; '' when the title names none. */
export function regionOf(title: string): string {
  const m = /^\s*leerlab\s+(.+)$/i.exec(title);
  return m ? m[1].trim() : '';
}

export interface CaseAnswers {
  titel: string;
  regio: string;
  provincie: string;
  bron: string;
  /** Known place ids only; none leaves the template's placeholder. */
  plaatsen: string[];
  sectie: string;
}

/** A YAML double-quoted string: any one-line text an author gives is safe in it. */
export const yamlString = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The template with the answers filled in; everything else stays for the author (and for check). */
export function renderCase(template: string, a: CaseAnswers): string {
  const fill: [string, string][] = [
    ['"{{titel}}"', yamlString(a.titel)],
    ['"{{regio}}"', yamlString(a.regio)],
    ['"{{provincie}}"', a.provincie],
    ['["{{plaatsen}}"]', a.plaatsen.length ? `[${a.plaatsen.join(', ')}]` : '[VUL IN plaats-id]'],
    ['"{{bron}}"', a.bron],
    ['"{{sectie}}"', yamlString(a.sectie)],
  ];
  return template
    .split('\n')
    .map((line) => {
      const hits = fill.filter(([token]) => line.includes(token));
      if (!hits.length) return line;
      // keep the explanation after # in its column
      const hash = line.indexOf(' #');
      const [code, comment] = hash < 0 ? [line, ''] : [line.slice(0, hash), line.slice(hash).trimStart()];
      const filled = hits.reduce((l, [token, value]) => l.replaceAll(token, value), code.trimEnd());
      return comment ? `${filled.padEnd(hash)} ${comment}` : filled;
    })
    .join('\n');
}

/** Write the new case; never over an existing file (`wx`). */
export async function writeCase(path: string, answers: CaseAnswers): Promise<void> {
  const template = await readFile(TEMPLATE, 'utf8');
  await writeFile(path, renderCase(template, answers), { flag: 'wx' });
}
