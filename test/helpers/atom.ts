// Checks an Atom feed against RFC 4287, as far as a program can: strictly parsed by libxml2
// (well-formed XML, no illegal characters), then every MUST of the elements this site uses, plus
// this site's own rules (absolute links under the site URL, plain-text text constructs).
// Returns the violations; an empty list means valid.
import { XmlDocument, type XmlElement, type XmlNode } from 'libxml2-wasm';

const NS = { a: 'http://www.w3.org/2005/Atom' };
/** RFC 3339 date-time, with the upper-case T and Z that RFC 4287 §3.3 requires. */
const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function checkAtom(xml: string, siteUrl: string): string[] {
  const problems: string[] = [];
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromString(xml);
  } catch (e) {
    return [`not well-formed XML: ${(e as Error).message.trim()}`];
  }
  try {
    const root = doc.root;
    if (root.name !== 'feed' || root.namespaceUri !== NS.a) return [`root is {${root.namespaceUri}}${root.name}, not atom:feed`];
    const all = (ctx: XmlNode, xp: string) => ctx.find(xp, NS) as XmlElement[];
    const text = (el: XmlNode) => el.content;
    const where = (el: XmlElement, name: string) => `${el.name === 'feed' ? 'feed' : `entry ${text(all(el, 'a:id')[0] ?? el)}`}: ${name}`;
    const count = (el: XmlElement, name: string, min: number, max: number) => {
      const n = all(el, `a:${name}`).length;
      if (n < min || n > max) problems.push(`${where(el, name)} occurs ${n} times (allowed ${min}–${max === Infinity ? 'n' : max})`);
    };
    const iri = (value: string | undefined, what: string) => {
      if (!value) return problems.push(`${what}: missing`);
      try {
        new URL(value);
      } catch {
        return problems.push(`${what}: "${value}" is not an absolute IRI`);
      }
      if (!value.startsWith(`${siteUrl}/`)) problems.push(`${what}: "${value}" is not under the site URL ${siteUrl}`);
    };
    const textConstruct = (el: XmlElement, name: string) => {
      for (const t of all(el, `a:${name}`)) {
        const type = t.attr('type')?.value ?? 'text';
        if (!['text', 'html', 'xhtml'].includes(type)) problems.push(`${where(el, name)}: type "${type}" is not text, html or xhtml`);
        if (type !== 'text') problems.push(`${where(el, name)}: type "${type}"; this feed carries plain text only`);
        if (t.find('*').length) problems.push(`${where(el, name)}: a text construct of type text has child elements`);
      }
    };
    const date = (el: XmlElement, name: string) => {
      for (const d of all(el, `a:${name}`)) if (!DATE.test(text(d))) problems.push(`${where(el, name)}: "${text(d)}" is not an RFC 3339 date-time`);
    };
    const person = (el: XmlElement, name: string) => {
      for (const p of all(el, `a:${name}`)) {
        if (all(p, 'a:name').length !== 1 || !text(all(p, 'a:name')[0]).trim()) problems.push(`${where(el, name)}: needs exactly one non-empty name`);
        if (all(p, 'a:uri').length > 1 || all(p, 'a:email').length > 1) problems.push(`${where(el, name)}: more than one uri or email`);
        for (const u of all(p, 'a:uri')) iri(text(u), `${where(el, name)} uri`);
      }
    };
    const links = (el: XmlElement) => {
      const alternates = new Set<string>();
      for (const l of all(el, 'a:link')) {
        iri(l.attr('href')?.value, `${where(el, 'link')} href`);
        const rel = l.attr('rel')?.value ?? 'alternate';
        if (rel === 'alternate') {
          const key = `${l.attr('type')?.value ?? ''}|${l.attr('hreflang')?.value ?? ''}`;
          if (alternates.has(key)) problems.push(`${where(el, 'link')}: two alternate links with the same type and hreflang`);
          alternates.add(key);
        }
      }
      return alternates.size;
    };
    const categories = (el: XmlElement) => {
      for (const c of all(el, 'a:category')) {
        if (!c.attr('term')?.value) problems.push(`${where(el, 'category')}: no term attribute`);
        if (c.attr('scheme')) iri(c.attr('scheme')?.value, `${where(el, 'category')} scheme`);
      }
    };

    // §4.1.1 atom:feed
    for (const [name, min, max] of [['id', 1, 1], ['title', 1, 1], ['updated', 1, 1], ['subtitle', 0, 1], ['rights', 0, 1], ['generator', 0, 1], ['icon', 0, 1], ['logo', 0, 1]] as const) count(root, name, min, max);
    iri(text(all(root, 'a:id')[0] ?? root), 'feed id');
    for (const name of ['title', 'subtitle', 'rights']) textConstruct(root, name);
    date(root, 'updated');
    person(root, 'author');
    person(root, 'contributor');
    links(root);
    categories(root);
    if (!all(root, 'a:link').some((l) => l.attr('rel')?.value === 'self')) problems.push('feed: no link rel="self" (RFC 4287 says SHOULD)');
    const feedAuthors = all(root, 'a:author').length;

    // §4.1.2 atom:entry
    const ids = new Set<string>();
    const feedUpdated = text(all(root, 'a:updated')[0] ?? root);
    for (const e of all(root, 'a:entry')) {
      for (const [name, min, max] of [['id', 1, 1], ['title', 1, 1], ['updated', 1, 1], ['published', 0, 1], ['summary', 0, 1], ['content', 0, 1], ['rights', 0, 1], ['source', 0, 1]] as const) count(e, name, min, max);
      const id = text(all(e, 'a:id')[0] ?? e);
      iri(id, `entry id`);
      if (ids.has(id)) problems.push(`entry ${id}: id used twice`);
      ids.add(id);
      for (const name of ['title', 'summary', 'rights']) textConstruct(e, name);
      date(e, 'updated');
      date(e, 'published');
      person(e, 'author');
      person(e, 'contributor');
      if (feedAuthors === 0 && all(e, 'a:author').length === 0) problems.push(`entry ${id}: no author, and the feed has none`);
      const alternates = links(e);
      if (all(e, 'a:content').length === 0 && alternates === 0) problems.push(`entry ${id}: no content and no alternate link`);
      categories(e);
      const updated = text(all(e, 'a:updated')[0] ?? e);
      const published = all(e, 'a:published')[0];
      if (published && new Date(text(published)) > new Date(updated)) problems.push(`entry ${id}: published after updated`);
      if (new Date(updated) > new Date(feedUpdated)) problems.push(`entry ${id}: updated after the feed's updated`);
    }
  } finally {
    doc.dispose();
  }
  return problems;
}
