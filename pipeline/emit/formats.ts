// Export formats as pure builders: model in, string out. Writing happens elsewhere.
import { stringify } from 'csv-stringify/sync';
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

/**
 * CSV with a UTF-8 BOM, so Excel shows ë and ï right; `;`-free by quoting. A cell that starts
 * with =, +, -, @, tab or CR (or their full-width forms) gets a leading ' so a spreadsheet shows
 * it as text instead of running it as a formula (OWASP "CSV injection"; csv-stringify's option).
 */
export function findingsCsv(g: Graph): string {
  const rows = g.findings.map((f) => {
    const r = findingRecord(f);
    return [r.id, r.type, r.case ?? '', r.note ?? '', f.owner.title, r.province ?? '', r.themes.join(' '), r.text, r.source.document, r.source.section, r.url];
  });
  const header = ['id', 'type', 'case', 'note', 'title', 'province', 'themes', 'text', 'document', 'section', 'url'];
  return `\uFEFF${stringify([header, ...rows], { record_delimiter: 'windows', escape_formulas: true })}`;
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
