// Export formats as pure builders: model in, string out. Writing happens elsewhere.
import { stringify } from 'csv-stringify/sync';
import { Feed } from 'feed';
import type { Graph } from '../link/index.ts';

/** Stable JSON: keys in insertion order (builders below fix it), 2-space indent, final newline. */
const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

export function casesJson(g: Graph): string {
  return json(
    g.cases.map((c) => ({
      id: c.id,
      title: c.title,
      region: c.meta.regio,
      places: c.placeNames,
      province: c.meta.provincie,
      schools: { vo: c.meta.scholen.vo, mbo: c.meta.scholen.mbo },
      sectors: c.meta.sectoren,
      programmes: c.meta.opleidingen,
      routeType: c.meta.routetype,
      levels: c.meta.niveaus,
      period: c.meta.periode,
      /** fields whose value is inferred, not stated by the source: field → why */
      inferred: c.meta.afgeleid ?? {},
      source: c.meta.bron,
      summary: c.summary,
      themes: c.themes,
      findings: c.counts,
      url: c.url,
    })),
  );
}

const findingRecord = (f: Graph['findings'][number]) => ({
  id: f.id,
  type: f.type,
  text: f.text,
  themes: f.themes,
  case: f.owner.collection === 'cases' ? f.owner.id : null,
  note: f.owner.collection === 'notes' ? f.owner.id : null,
  province: f.owner.province,
  source: { document: f.source.document, section: f.source.section },
  supports: f.supports,
  url: f.url,
});

export function findingsJson(g: Graph): string {
  return json(g.findings.map(findingRecord));
}

/** CSV with a UTF-8 BOM, so Excel shows ë and ï right; `;`-free by quoting. */
export function findingsCsv(g: Graph): string {
  const rows = g.findings.map((f) => {
    const r = findingRecord(f);
    return [r.id, r.type, r.case ?? '', r.note ?? '', f.owner.title, r.province ?? '', r.themes.join(' '), r.text, r.source.document, r.source.section, r.url];
  });
  const header = ['id', 'type', 'case', 'note', 'title', 'province', 'themes', 'text', 'document', 'section', 'url'];
  return `\uFEFF${stringify([header, ...rows], { record_delimiter: 'windows' })}`;
}

export function threadsJson(g: Graph): string {
  return json(
    g.threads.map((t) => ({
      id: t.id,
      kind: t.kind,
      title: t.title,
      text: t.text,
      themes: t.themes,
      finding: t.findingId ?? null,
      evidence: t.evidence,
      contrasts: t.contrasts,
      dominantType: t.dominantType ?? null,
      cases: t.caseIds,
      provinces: t.provinces,
      sectors: t.sectors,
      documents: t.documents,
      profile: t.profile,
      url: `/rode-draden/${t.id}/`,
    })),
  );
}

/** Atom feed of the cases; dates come from the source document's year, never the clock. */
export function casesAtom(g: Graph, siteUrl: string): string {
  const base = siteUrl.replace(/\/$/, '');
  const yearOf = (doc: string) => g.documents.find((d) => d.id === doc)?.jaar ?? 2020;
  const dateOf = (doc: string) => new Date(Date.UTC(yearOf(doc), 0, 1));
  const latest = g.cases.reduce((y, c) => Math.max(y, yearOf(c.meta.bron)), 2020);
  const feed = new Feed({
    title: 'Kennisbank doorlopende leerroutes — cases',
    description: 'Leerlab-cases over doorlopende leerroutes vmbo-mbo',
    id: `${base}/`,
    link: `${base}/`,
    language: 'nl',
    updated: new Date(Date.UTC(latest, 0, 1)),
    copyright: 'Inhoud in eigen woorden samengevat uit openbare bronnen; zie de bronvermelding per bevinding.',
    generator: 'kennisbank-doorlopende-leerroutes',
    feedLinks: { atom: `${base}/feed.xml` },
  });
  for (const c of g.cases) {
    feed.addItem({
      title: c.title,
      id: `${base}${c.url}`,
      link: `${base}${c.url}`,
      date: dateOf(c.meta.bron),
      description: c.summary,
      category: [{ name: c.provinceLabel }, { name: c.routeLabel }],
    });
  }
  return feed.atom1();
}
