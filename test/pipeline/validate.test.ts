// Bad inputs: each problem reported with the exact file, line and message.
import { describe, expect, it } from 'vitest';
import { check, makeConfig } from '../../pipeline/build.ts';
import type { Problem } from '../../pipeline/problems.ts';
import { caseFile, corpusWith } from '../helpers/corpus.ts';

async function problemsFor(files: Record<string, string | Uint8Array>): Promise<Problem[]> {
  const dir = corpusWith(files);
  const r = await check(makeConfig(dir, { sourcesDir: '.' }));
  return r.problems;
}

const only = (ps: Problem[], file: string) => ps.filter((p) => p.file.endsWith(file));

describe('validation of bad inputs', () => {
  it('reports malformed YAML at its line, without a stack trace', async () => {
    const ps = only(await problemsFor({ 'cases/yaml.md': '---\ntitel: Test\nregio: [Weert\nprovincie: limburg\n---\n' }), 'cases/yaml.md');
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ ruleId: 'yaml-syntax', line: 3, column: 8, severity: 'error', message: 'de lijst die met [ begint, wordt niet gesloten met ]' });
    expect(ps[0].detail).toMatch(/^Flow sequence/);
    expect(ps[0].message).not.toMatch(/at .*\.js/);
  });

  it('reports a missing required field with the field name and the fix', async () => {
    const ps = only(await problemsFor({ 'cases/missing.md': caseFile({ frontmatter: { samenvatting: null } }) }), 'cases/missing.md');
    expect(ps).toEqual([
      expect.objectContaining({ ruleId: 'field-required', line: 2, message: 'verplicht veld "samenvatting" ontbreekt', fix: expect.stringContaining('samenvatting: …') }),
    ]);
  });

  it("does not count the template's example findings as uses of a theme", async () => {
    const body = '## Knelpunten\n\n- Roosters passen niet op elkaar. {id: rooster; thema: curriculum}\n- VOORBEELD: leerlingen missen lessen. {id: voorbeeld; thema: curriculum}\n\n## Succesfactoren\n\n- Een succesfactor over stages. {id: stage; thema: beroepspraktijk}\n';
    const ps = await problemsFor({ 'cases/nieuw.md': caseFile({ body }) });
    expect(only(ps, 'cases/nieuw.md').map((p) => p.ruleId)).toEqual(['placeholder']);
    expect(only(ps, 'codebook.yml').filter((p) => p.message.includes('"curriculum"')).map((p) => p.message)).toEqual(['thema "curriculum" wordt door 1 bevinding gebruikt']);
  });

  it('suggests the near-miss theme for an unknown theme, at the line of the finding', async () => {
    const body = '## Knelpunten\n\n- Eerste. {id: a; thema: vervoer-en-afstand}\n- Tweede. {id: b; thema: roster-en-logistiek}\n\n## Succesfactoren\n\n- Derde. {id: c; thema: lob}\n';
    const ps = only(await problemsFor({ 'cases/theme.md': caseFile({ body }) }), 'cases/theme.md');
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ ruleId: 'unknown-theme', line: 22, message: 'onbekend thema "roster-en-logistiek" — bedoel je "rooster-en-logistiek"?' });
    expect(ps[0].column).toBe(26); // at the value, not at "thema:"
  });

  it('lists the allowed values for a wrong enum value, with a suggestion', async () => {
    const ps = only(await problemsFor({ 'cases/enum.md': caseFile({ frontmatter: { provincie: 'Limburgg' } }) }), 'cases/enum.md');
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ ruleId: 'field-value', line: 4, column: 12 });
    expect(ps[0].message).toBe('"Limburgg" is geen toegestane waarde voor "provincie" — bedoel je "limburg"?');
    expect(ps[0].fix).toContain('groningen, friesland, drenthe');
  });

  it('warns where an unquoted comma split a list item in two, at both halves', async () => {
    const ps = only(await problemsFor({ 'cases/split.md': caseFile({ frontmatter: { opleidingen: '[Horeca, Administratie (receptie, HRM), Sales]' } }) }), 'cases/split.md');
    expect(ps.map(({ ruleId, severity, line, column, message }) => ({ ruleId, severity, line, column, message }))).toEqual([
      { ruleId: 'list-item-split', severity: 'warning', line: 17, column: 23, message: 'opleidingen: "Administratie (receptie" heeft een haakje zonder partner; een komma binnen [ ] splitst het item' },
      { ruleId: 'list-item-split', severity: 'warning', line: 17, column: 48, message: 'opleidingen: "HRM)" heeft een haakje zonder partner; een komma binnen [ ] splitst het item' },
    ]);
    expect(only(await problemsFor({ 'cases/quoted.md': caseFile({ frontmatter: { opleidingen: '[Horeca, "Administratie (receptie, HRM)", Sales]' } }) }), 'cases/quoted.md')).toEqual([]);
  });

  it('reports duplicate finding ids at the second one, citing the first line', async () => {
    const body = '## Knelpunten\n\n- Eerste. {id: zelfde; thema: lob}\n- Tweede. {id: zelfde; thema: lob}\n';
    const ps = only(await problemsFor({ 'cases/dup.md': caseFile({ body }) }), 'cases/dup.md');
    expect(ps).toEqual([expect.objectContaining({ ruleId: 'duplicate-id', line: 22, message: 'bevinding-id "zelfde" staat al op regel 21' })]);
  });

  it('reports duplicate ids in the data files', async () => {
    const places = '- id: weert\n  naam: Weert\n  provincie: limburg\n  lat: 51.25\n  lon: 5.7\n- id: weert\n  naam: Weert\n  provincie: limburg\n  lat: 51.25\n  lon: 5.7\n';
    const ps = (await problemsFor({ 'places.yml': places })).filter((p) => p.ruleId === 'duplicate-id');
    expect(ps).toEqual([expect.objectContaining({ file: 'places.yml', line: 6, message: 'id "weert" komt twee keer voor (eerste keer op regel 1)' })]);
  });

  it('reports an unknown field in the inferred-value mark at its line, in cases and documents', async () => {
    const afgeleid = '\n  periode: De bron noemt geen jaartal.\n  perode: Tikfout.';
    const ps = only(await problemsFor({ 'cases/afgeleid.md': caseFile({ frontmatter: { afgeleid } }) }), 'cases/afgeleid.md');
    expect(ps).toEqual([expect.objectContaining({ ruleId: 'inferred-field', severity: 'error', line: 19, column: 11, message: '"perode" in "afgeleid" is geen veld dat afgeleid kan zijn — bedoel je "periode"?', fix: expect.stringContaining('plaatsen, provincie') })]);
    const documents = '- id: doc-a\n  titel: A\n  uitgever: U\n  jaar: 2023\n  soort: magazine\n  afgeleid:\n    jaar: Geen datum in het document.\n    noot: Oude vorm.\n- id: doc-b\n  titel: B\n  uitgever: U\n  jaar: 2021\n  soort: notitie\n';
    const ds = only(await problemsFor({ 'documents.yml': documents }), 'documents.yml');
    expect(ds).toEqual([expect.objectContaining({ ruleId: 'inferred-field', line: 8, column: 11, message: '"noot" in "afgeleid" van "doc-a" is geen veld dat afgeleid kan zijn — bedoel je "soort"?', fix: 'Velden die afgeleid kunnen zijn: titel, uitgever, jaar, soort, auteurs.' })]);
    const empty = only(await problemsFor({ 'cases/leeg.md': caseFile({ frontmatter: { afgeleid: '\n  periode: ""' } }) }), 'cases/leeg.md');
    expect(empty).toEqual([expect.objectContaining({ ruleId: 'field-required', line: 18, message: '"afgeleid.periode" is leeg' })]);
  });

  it('reports an unknown document with a suggestion', async () => {
    const ps = only(await problemsFor({ 'cases/doc.md': caseFile({ frontmatter: { bron: 'doc-c' } }) }), 'cases/doc.md');
    expect(ps).toEqual([expect.objectContaining({ ruleId: 'unknown-document', line: 13, column: 7 })]);
    expect(ps[0].message).toMatch(/^brondocument "doc-c" bestaat niet — bedoel je "doc-[ab]"\?$/);
  });

  it('reports an empty finding', async () => {
    const body = '## Knelpunten\n\n- {id: leeg; thema: lob}\n- Wel tekst. {id: vol; thema: lob}\n';
    const ps = only(await problemsFor({ 'cases/empty.md': caseFile({ body }) }), 'cases/empty.md');
    expect(ps).toEqual([expect.objectContaining({ ruleId: 'finding-empty', line: 21, column: 1, message: 'lege bevinding onder "Knelpunten"' })]);
  });

  it('reports a finding without attribute block at its end', async () => {
    const body = '## Knelpunten\n\n- Geen kenmerken hier.\n';
    const ps = only(await problemsFor({ 'cases/noattr.md': caseFile({ body }) }), 'cases/noattr.md');
    expect(ps).toEqual([expect.objectContaining({ ruleId: 'finding-attributes', line: 21, message: "bevinding zonder kenmerken: de thema's ontbreken" })]);
  });

  it('parses a file with a BOM and CRLF line endings like any other', async () => {
    const text = `\uFEFF${caseFile().replace(/\n/g, '\r\n')}`;
    const dir = corpusWith({ 'cases/crlf.md': text });
    const r = await check(makeConfig(dir, { sourcesDir: '.' }));
    expect(only(r.problems, 'cases/crlf.md')).toEqual([]);
    const c = r.model.cases.find((x) => x.id === 'crlf')!;
    expect(c.meta.titel).toBe('Leerlab Test');
    expect(c.findings.map((f) => f.id)).toEqual(['crlf#bus', 'crlf#stage']);
    expect(c.findings[0].position).toEqual({ line: 21, column: 1 });
  });

  it('reports non-UTF-8 bytes with line and column', async () => {
    const latin1 = Buffer.concat([Buffer.from(caseFile({ body: '## Knelpunten\n\n- Co' }), 'utf8'), Buffer.from([0xf6]), Buffer.from('peratie. {thema: lob}\n', 'utf8')]);
    const ps = only(await problemsFor({ 'cases/latin1.md': latin1 }), 'cases/latin1.md');
    expect(ps).toEqual([expect.objectContaining({ ruleId: 'encoding', line: 21, column: 5 })]);
    expect(ps[0].message).toContain('geen geldige UTF-8');
  });

  it('removes raw <script> and javascript: links from the HTML', async () => {
    const body = '## Over\n\n<script>alert(1)</script>\n\nKlik [hier](javascript:alert(1)) of <a href="javascript:alert(2)">daar</a>.\n\n## Knelpunten\n\n- Een <script>alert(3)</script> [link](javascript:alert(4)) en <img src=x onerror="alert(5)">. {id: x; thema: lob}\n';
    const dir = corpusWith({ 'cases/xss.md': caseFile({ body }) });
    const r = await check(makeConfig(dir, { sourcesDir: '.' }));
    const c = r.model.cases.find((x) => x.id === 'xss')!;
    const html = c.proseHtml + c.findings.map((f) => f.html).join('');
    expect(html).not.toMatch(/<script|javascript:|onerror|<img/i);
    // what is left of an inline script is inert text
    expect(c.findings[0].html).toBe('<p>Een alert(3) <a>link</a> en .</p>');
    expect(c.proseHtml).toContain('Klik <a>hier</a>');
  });

  it('collects all problems of a run at once, sorted by file and line', async () => {
    const ps = await problemsFor({
      'cases/a-bad.md': caseFile({ frontmatter: { provincie: 'x', bron: 'y' } }),
      'cases/b-bad.md': caseFile({ frontmatter: { titel: null } }),
    });
    const errors = ps.filter((p) => p.severity === 'error');
    expect(errors.map((p) => `${p.file}:${p.line}:${p.ruleId}`)).toEqual(['cases/a-bad.md:4:field-value', 'cases/b-bad.md:2:field-required']);
  });

  it('still checks the findings of a file with a frontmatter error, without follow-up errors in files that cite them', async () => {
    const body = '## Knelpunten\n\n- Eerste. {id: bus; thema: vervoer-en-afstand}\n- Tweede. {id: b; thema: roster-en-logistiek}\n';
    const note = '---\ntitel: N\nsoort: synthese\nbron: doc-b\nsectie: S\nsamenvatting: S.\n---\n\n## Rode draden\n\n- Draad. {id: d; thema: lob; steunt: kapot#bus, kapot#bussen}\n';
    const ps = await problemsFor({ 'cases/kapot.md': caseFile({ frontmatter: { provincie: 'limburgg' }, body }), 'notes/n.md': note });
    expect(ps.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([
      'cases/kapot.md:4 "limburgg" is geen toegestane waarde voor "provincie" — bedoel je "limburg"?',
      'cases/kapot.md:22 onbekend thema "roster-en-logistiek" — bedoel je "rooster-en-logistiek"?',
      'notes/n.md:11 bevinding "kapot#bussen" bestaat niet — bedoel je "kapot#bus"?',
    ]);
  });

  it('reports unknown references from a rode draad to a finding', async () => {
    const note = '---\ntitel: N\nsoort: synthese\nbron: doc-b\nsectie: S\nsamenvatting: S.\n---\n\n## Rode draden\n\n- Draad. {id: d; thema: lob; steunt: alfa#bus, alfa#buss}\n';
    const ps = only(await problemsFor({ 'notes/n.md': note }), 'notes/n.md');
    expect(ps).toEqual([expect.objectContaining({ ruleId: 'unknown-finding', line: 11, message: 'bevinding "alfa#buss" bestaat niet — bedoel je "alfa#bus"?' })]);
  });
});
