// Ids that become element ids and page addresses: reserved ids are refused, output conflicts are
// found by check (before Eleventy), and the reserved list matches what the templates use.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, makeConfig } from '../../pipeline/build.ts';
import { formatReport, type Problem } from '../../pipeline/problems.ts';
import { RESERVED_ELEMENT_IDS, RESERVED_ID_PREFIXES } from '../../pipeline/validate/site-ids.ts';
import { caseFile, corpusWith, PROJECT_ROOT } from '../helpers/corpus.ts';

async function problemsFor(files: Record<string, string>, remove: string[] = []): Promise<Problem[]> {
  const dir = corpusWith(files);
  for (const f of remove) readdirSync(dir).includes(f) && (await import('node:fs')).rmSync(join(dir, f));
  return (await check(makeConfig(dir, { sourcesDir: '.' }))).problems;
}
const errors = (ps: Problem[]) => ps.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`);
const thread = (id: string) => `---\ntitel: T\nsoort: synthese\nbron: doc-a\nsectie: S\nsamenvatting: S.\ncases: []\n---\n\n## Rode draden\n\n- Een draad over vervoer. {id: ${id}; thema: vervoer-en-afstand}\n`;

/**
 * The ids on the pages where content ids become element ids: the layout and partials, and every
 * page that has an id made of a content id alone (`id="{{ f.localId }}"`) or includes a partial
 * that has one. Literal ids, the prefixes of composed ones, and the content-id expressions.
 */
function templateIds(): { literal: Set<string>; prefixes: Set<string>; whole: Set<string> } {
  const text = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(join(PROJECT_ROOT, dir))) {
      const p = `${dir}/${name}`;
      if (statSync(join(PROJECT_ROOT, p)).isDirectory()) walk(p);
      else if (/\.(njk|js)$/.test(name)) text.set(p, readFileSync(join(PROJECT_ROOT, p), 'utf8'));
    }
  };
  walk('templates');
  walk('site');
  const ids = (t: string) => [...t.matchAll(/\bid="([^"]*)"/g)].map((m) => m[1]);
  const includes = (t: string) => [...t.matchAll(/\{%-?\s*include\s+"([^"]+)"/g)].map((m) => `templates/${m[1]}`);
  const showsContentIds = (file: string, seen = new Set<string>()): boolean => {
    if (seen.has(file)) return false;
    seen.add(file);
    const t = text.get(file) ?? '';
    return ids(t).some((id) => id.startsWith('{{')) || includes(t).some((f) => showsContentIds(f, seen));
  };
  const literal = new Set<string>();
  const prefixes = new Set<string>();
  const whole = new Set<string>();
  for (const [file, t] of text) {
    // the layout and partials always count; a page (site/, or its body in templates/pages/) when it shows content ids
    const page = !file.startsWith('templates/') || file.startsWith('templates/pages/');
    if (page && !showsContentIds(file)) continue;
    for (const id of ids(t)) {
      const dynamic = id.indexOf('{{');
      if (dynamic < 0) literal.add(id);
      else if (dynamic > 0) prefixes.add(id.slice(0, dynamic));
      else whole.add(id.replace(/\s+/g, ' '));
    }
  }
  return { literal, prefixes, whole };
}

describe('ids the site uses itself', () => {
  it('are exactly the ids of the pages that show finding or case ids, kept in one list', () => {
    const { literal, prefixes, whole } = templateIds();
    expect([...literal].sort()).toEqual([...RESERVED_ELEMENT_IDS].sort());
    expect([...prefixes].sort()).toEqual([...RESERVED_ID_PREFIXES].sort());
    // element ids made of a content id alone: a finding's anchor and a case or note id
    expect([...whole].sort()).toEqual(['{{ f.localId }}', '{{ o.id }}', '{{ o.owner }}']);
  });

  it('refuses a finding id equal to a layout id, at the id', async () => {
    const ps = await problemsFor({ 'cases/x.md': caseFile({ body: '## Knelpunten\n\n- Tekst. {id: inhoud; thema: lob}\n- Meer. {id: verwant; thema: lob}\n- Nog. {id: type-knelpunt; thema: lob}\n' }) });
    expect(errors(ps)).toEqual([
      'cases/x.md:21:11 bevinding-id "inhoud" is een id die de pagina\'s van de site zelf gebruiken',
      'cases/x.md:22:10 bevinding-id "verwant" is een id die de pagina\'s van de site zelf gebruiken',
      'cases/x.md:23:9 bevinding-id "type-knelpunt" is een id die de pagina\'s van de site zelf gebruiken',
    ]);
  });

  it('refuses a case named like a layout id (case ids are element ids on theme pages)', async () => {
    expect(errors(await problemsFor({ 'cases/inhoud.md': caseFile() }))).toEqual(['cases/inhoud.md:1:1 bestandsnaam "inhoud" is een id die de pagina\'s van de site zelf gebruiken']);
  });
});

describe('ids that become paths', () => {
  it('refuses a file name over 64 characters', async () => {
    const name = 'a'.repeat(65);
    expect(errors(await problemsFor({ [`cases/${name}.md`]: caseFile() }))).toEqual([`cases/${name}.md:1:1 de bestandsnaam (zonder .md) heeft 65 tekens; hoogstens 64`]);
  });

  it('refuses a 265-character rode-draad id with a positioned error instead of ENAMETOOLONG', async () => {
    expect(errors(await problemsFor({ 'notes/n.md': thread('a'.repeat(265)) }))).toEqual(['notes/n.md:12:28 bevinding-id "aaaaaaaaaaaaaaaaaaaa…" heeft 265 tekens; hoogstens 64']);
  });

  it('refuses an id over 64 characters in the codebook', async () => {
    const codebook = readFileSync(join(PROJECT_ROOT, 'test/fixtures/basic/codebook.yml'), 'utf8').replace('id: lob', `id: ${'l'.repeat(70)}`);
    expect(errors(await problemsFor({ 'codebook.yml': codebook })).filter((e) => e.startsWith('codebook.yml'))).toEqual([expect.stringMatching(/^codebook\.yml:\d+:\d+ id "l{20}…" heeft 70 tekens; hoogstens 64$/)]);
  });

  it('finds an authored rode draad on the address of a computed one (lob vs thema-lob) in check', async () => {
    expect(errors(await problemsFor({ 'notes/thema.md': thread('lob') }))).toEqual(['notes/thema.md:12:28 rode draad "lob" krijgt het adres /rode-draden/thema-lob/, dat al hoort bij de berekende rode draad van thema "lob"']);
  });

  it('finds two authored rode draden on one address', async () => {
    const ps = await problemsFor({ 'notes/a.md': thread('b-c'), 'notes/a-b.md': thread('c') });
    expect(errors(ps)).toEqual(['notes/a.md:12:28 rode draad "b-c" krijgt het adres /rode-draden/a-b-c/, dat al hoort bij de rode draad in notes/a-b.md:12']);
  });
});

describe('a missing or broken data file', () => {
  it('reports a missing codebook.yml first, without the follow-up "onbekend thema" errors', async () => {
    const ps = await problemsFor({}, ['codebook.yml']);
    expect(errors(ps)).toEqual(['codebook.yml:1:1 dit bestand ontbreekt']);
    expect(formatReport(ps).split('\n')[0]).toMatch(/^codebook\.yml:1:1 {2}fout: dit bestand ontbreekt/);
  });

  it('reports missing documents.yml and places.yml without follow-up errors in every case', async () => {
    expect(errors(await problemsFor({}, ['documents.yml', 'places.yml']))).toEqual(['documents.yml:1:1 dit bestand ontbreekt', 'places.yml:1:1 dit bestand ontbreekt']);
  });

  it('puts the missing file first even when other files have errors', async () => {
    const ps = await problemsFor({ 'cases/a-kapot.md': caseFile({ frontmatter: { provincie: 'limburgg' } }) }, ['places.yml']);
    expect(formatReport(ps).split('\n').slice(0, 2).map((l) => l.split('  ')[0])).toEqual(['places.yml:1:1', 'cases/a-kapot.md:4:12']);
  });
});
