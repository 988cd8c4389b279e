// The Atom feed of the cases (RFC 4287). Text constructs are plain text (type="text"), never the
// author's markup as HTML; characters XML cannot carry (NUL and other control characters, lone
// surrogates) are dropped, so the feed stays well-formed whatever a source file holds.
// Ids and links are absolute, from the configured site URL. Dates: see ./dates.ts; without a git
// date an entry is dated 1 January of its source document's year.
import { create } from 'xmlbuilder2';
import type { Publisher } from '../config.ts';
import type { Graph } from '../link/index.ts';
import { rfc3339, type FileDates } from './dates.ts';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const FEED_TITLE = 'Kennisbank doorlopende leerroutes — cases';
export const TEXT_LICENCE = 'Teksten: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.nl). Samengevat in eigen woorden uit openbare bronnen; elke bevinding noemt haar bron.';

export interface AtomOptions {
  siteUrl: string;
  publisher?: Publisher;
  /** Git dates of a source file (path relative to the project root), if known. */
  datesOf?: (path: string) => FileDates | undefined;
}

/** Control characters (C0 except tab and newline, DEL, C1) have no place in feed text. */
const plain = (s: string) => s.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '').replace(/\s+/g, ' ').trim();

export function casesAtom(g: Graph, opts: AtomOptions): string {
  const base = opts.siteUrl.replace(/\/+$/, '');
  const abs = (path: string) => `${base}${path}`;
  const yearOf = (doc: string) => g.documents.find((d) => d.id === doc)?.jaar;
  const themeLabel = new Map<string, string>(g.themes.map((t) => [t.id, t.label]));
  const entries = g.cases.map((c) => {
    const year = yearOf(c.meta.bron) ?? 2000;
    const fallback = rfc3339(new Date(Date.UTC(year, 0, 1)));
    const dates = opts.datesOf?.(c.path) ?? { published: fallback, updated: fallback };
    return { c, dates };
  });
  entries.sort((a, b) => (a.dates.updated < b.dates.updated ? 1 : a.dates.updated > b.dates.updated ? -1 : a.c.id.localeCompare(b.c.id)));
  const feedUpdated = entries.reduce((max, e) => (e.dates.updated > max ? e.dates.updated : max), entries[0]?.dates.updated ?? rfc3339(new Date(Date.UTC(2000, 0, 1))));

  const doc = create({ version: '1.0', encoding: 'utf-8', invalidCharReplacement: '' });
  const feed = doc.ele(ATOM_NS, 'feed').att('xml:lang', 'nl');
  feed.ele('id').txt(abs('/feed.xml'));
  feed.ele('title').att('type', 'text').txt(FEED_TITLE);
  feed.ele('subtitle').att('type', 'text').txt('Leerlab-cases over doorlopende leerroutes vmbo-mbo, met knelpunten, succesfactoren en lessen.');
  feed.ele('updated').txt(feedUpdated);
  const author = feed.ele('author');
  author.ele('name').txt(plain(opts.publisher?.beheerder ?? 'Kennisbank doorlopende leerroutes'));
  author.ele('uri').txt(abs('/colofon/'));
  feed.ele('link').att('rel', 'self').att('type', 'application/atom+xml').att('href', abs('/feed.xml'));
  feed.ele('link').att('rel', 'alternate').att('type', 'text/html').att('href', abs('/cases/'));
  feed.ele('rights').att('type', 'text').txt(TEXT_LICENCE);
  feed.ele('generator').att('uri', abs('/colofon/')).txt('Kennisbank doorlopende leerroutes');

  for (const { c, dates } of entries) {
    const e = feed.ele('entry');
    e.ele('id').txt(abs(c.url));
    e.ele('title').att('type', 'text').txt(plain(c.title));
    e.ele('link').att('rel', 'alternate').att('type', 'text/html').att('href', abs(c.url));
    e.ele('published').txt(dates.published);
    e.ele('updated').txt(dates.updated);
    e.ele('summary').att('type', 'text').txt(plain(c.summary));
    const category = (scheme: string, term: string, label: string) => e.ele('category').att('term', term).att('scheme', abs(scheme)).att('label', plain(label));
    category('/cases/provincie/', c.meta.provincie, c.provinceLabel);
    category('/cases/routetype/', c.meta.routetype, c.routeLabel);
    c.meta.sectoren.forEach((s, i) => category('/cases/sector/', s, c.sectorLabels[i] ?? s));
    for (const t of c.themes) category('/themas/', t, themeLabel.get(t) ?? t);
  }
  return `${doc.end({ prettyPrint: true })}\n`;
}
