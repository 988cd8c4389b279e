// `npm run new` as an author drives it: answers from flags, from lines on stdin (no terminal),
// corrected when wrong, a missing document or place added, and stopped with Ctrl-C or Ctrl-D.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shortId, SHORT_ID_MAX } from '../pipeline/scaffold.ts';
import { cli, TSX } from './helpers/cli.ts';
import { corpusWith, PROJECT_ROOT } from './helpers/corpus.ts';

/** `npm run new` with these lines on stdin (a pipe: no terminal). */
function runNew(args: string[], lines: string[] = []) {
  const r = spawnSync(process.execPath, ['--import', TSX, join(PROJECT_ROOT, 'pipeline/cli.ts'), 'new', ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    input: lines.map((l) => `${l}\n`).join(''),
    env: { ...process.env, KB_SOURCES: '' },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const FLAGS = ['--titel', 'Leerlab Weert-Zuid', '--regio', 'Weert', '--provincie', 'limburg', '--bron', 'doc-a', '--plaats', 'weert'];
const cases = (src: string) => readdirSync(join(src, 'cases')).sort();

describe('npm run new', () => {
  it('prints its usage with every flag for --help, exit 0, and writes nothing', () => {
    const src = corpusWith();
    const r = runNew(['--sources', src, '--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const flag of ['--titel', '--id', '--regio', '--provincie', '--bron', '--plaats', '--sectie', '--sources', '--help']) expect(r.stdout).toContain(flag);
    expect(r.stdout).toContain('zes vragen — titel, korte id, regio,\nprovincie, brondocument en plaatsen');
    expect(cases(src)).toEqual(['alfa.md', 'bravo.md', 'charlie.md']);
  });

  it('takes every answer from flags, and says so', () => {
    const src = corpusWith();
    const r = runNew(['--sources', src, ...FLAGS]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Antwoorden uit de opties\.\nid: weert-zuid \(voorstel; kies zelf met --id\)\nAangemaakt: .*\/cases\/weert-zuid\.md\n/);
    const text = readFileSync(join(src, 'cases/weert-zuid.md'), 'utf8');
    expect(text).toMatch(/^titel: "Leerlab Weert-Zuid" +# naam van het leerlab/m);
    expect(text).toMatch(/^provincie: limburg +#/m);
    expect(text).toMatch(/^plaatsen: \[weert\] +#/m);
    expect(text).toMatch(/^bron: doc-a +#/m);
  });

  it('reads the answers line by line from stdin without a terminal, corrects a wrong province on the second answer, and adds a missing document and place', () => {
    const src = corpusWith();
    const documentsBefore = readFileSync(join(src, 'documents.yml'), 'utf8');
    const r = runNew(['--sources', src], [
      'Leerlab Zeeuws-Vlaanderen: techniek van vmbo naar mbo in de Kanaalzone', // titel
      '', // id: the proposal
      'Zeeuws-Vlaanderen', // regio
      'Zeeuws', // provincie: wrong …
      'zeeland', // … corrected
      'scalda-rapport-2024', // a document that is not there yet
      'j',
      'Techniek in de Kanaalzone',
      'Scalda',
      '2024',
      'rapportt', // wrong kind …
      '', // … the proposal "rapport"
      '', // no url
      'Terneuzen', // a place that is not there yet
      'j',
      '', // naam: Terneuzen
      '', // provincie: zeeland
      '51.33',
      '3.83',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('Geen terminal: de antwoorden worden regel voor regel van stdin gelezen (titel, id, regio, provincie, brondocument, plaatsen; een lege regel neemt het voorstel). Of geef ze als opties mee: npm run new -- --help.\n');
    const id = 'zeeuws-vlaanderen-techniek';
    expect(id.length).toBeLessThanOrEqual(SHORT_ID_MAX);
    expect(r.stdout).toContain(`Korte id, voor de bestandsnaam en het webadres (hoogstens 30 tekens) [${id}]: \n`);
    expect(r.stdout).toContain('Provincie: Zeeuws\n  "Zeeuws" is geen provincie (groningen, friesland, drenthe, overijssel, flevoland, gelderland, utrecht, noord-holland, zuid-holland, zeeland, noord-brabant, limburg) — bedoel je "zeeland"?\nProvincie [zeeland]: zeeland\n');
    expect(r.stdout).toContain('"scalda-rapport-2024" staat nog niet in');
    expect(r.stdout).toContain('"rapportt" is geen soort document (artikel, boek, interview, magazine, notitie, praktijkonderzoek, rapport, regelgeving, webpagina) — bedoel je "rapport"?');
    expect(r.stdout).toContain(`Aangemaakt: ${src}/cases/${id}.md`);
    expect(readFileSync(join(src, 'documents.yml'), 'utf8')).toBe(`${documentsBefore}- id: scalda-rapport-2024\n  titel: "Techniek in de Kanaalzone"\n  uitgever: "Scalda"\n  jaar: 2024\n  soort: rapport\n`);
    expect(readFileSync(join(src, 'places.yml'), 'utf8')).toMatch(/- id: terneuzen\n {2}naam: "Terneuzen"\n {2}provincie: zeeland\n {2}lat: 51.33\n {2}lon: 3.83\n$/);
    const text = readFileSync(join(src, `cases/${id}.md`), 'utf8');
    expect(text).toMatch(/^provincie: zeeland +#/m);
    expect(text).toMatch(/^plaatsen: \[terneuzen\] +#/m);
    expect(text).toMatch(/^bron: scalda-rapport-2024 +#/m);
    // check knows the new document and place: only the template's own text is left to replace
    const checked = cli(['check', '--sources', src, '--format', 'json']);
    const errors = JSON.parse(checked.stdout).problems.filter((p: { severity: string }) => p.severity === 'error');
    expect(new Set(errors.map((p: { ruleId: string }) => p.ruleId))).toEqual(new Set(['placeholder']));
  }, 60_000);

  it('asks again for a wrong flag, from stdin', () => {
    const src = corpusWith();
    const r = runNew(['--sources', src, ...FLAGS.slice(0, 4), '--provincie', 'Limburgg', '--bron', 'doc-a', '--plaats', 'weert'], ['limburg']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('--provincie: "Limburgg" is geen provincie');
    expect(r.stdout).toContain('— bedoel je "limburg"?\nProvincie [limburg]: limburg\n');
  });

  it('prints the lines to add for a missing document and an unknown place when every answer came as a flag, and writes only known places', () => {
    const src = corpusWith();
    const places = readFileSync(join(src, 'places.yml'), 'utf8');
    const r = runNew(['--sources', src, '--titel', 'Leerlab Terneuzen', '--regio', 'Zeeuws-Vlaanderen', '--provincie', 'zeeland', '--bron', 'scalda-rapport', '--plaats', 'Terneuzen']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('"scalda-rapport" staat niet in');
    expect(r.stdout).toContain('    - id: scalda-rapport\n      titel: "VUL IN titel"\n      uitgever: "VUL IN uitgever"\n      jaar: VUL IN jaar\n      soort: VUL IN soort\n');
    expect(r.stdout).toContain('"Terneuzen" staat niet in');
    expect(r.stdout).toContain('    - id: terneuzen\n      naam: "Terneuzen"\n      provincie: zeeland\n      lat: VUL IN breedtegraad\n      lon: VUL IN lengtegraad\n');
    expect(readFileSync(join(src, 'places.yml'), 'utf8')).toBe(places);
    expect(readFileSync(join(src, 'cases/terneuzen.md'), 'utf8')).toMatch(/^plaatsen: \[VUL IN plaats-id\] +#/m);
  });

  it('stops quietly when the input ends (Ctrl-D), names what is missing, and writes nothing', () => {
    const src = corpusWith();
    const r = runNew(['--sources', src], ['Pilot Kanaalzone']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Gestopt: de invoer hield op bij de vraag "regio"; er is niets geschreven.\nOntbrekend: --regio, --provincie, --bron. Geef ze als opties (npm run new -- --help) of beantwoord de vragen.\n');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(cases(src)).toEqual(['alfa.md', 'bravo.md', 'charlie.md']);
  });

  it('never overwrites a case: a taken --id is refused with a free one, and never replaced silently', () => {
    const src = corpusWith();
    const before = readFileSync(join(src, 'cases/alfa.md'), 'utf8');
    const r = runNew(['--sources', src, ...FLAGS, '--id', 'alfa']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('--id: ');
    expect(r.stdout).toContain('cases/alfa.md of een notitie met die naam bestaat al; kies een andere id — bedoel je "alfa-2"?');
    expect(r.stderr).toContain('Gestopt: de invoer hield op bij de vraag "id"; er is niets geschreven.\nGeef met --id een waarde die klopt (zie hierboven), of beantwoord de vraag.');
    expect(readFileSync(join(src, 'cases/alfa.md'), 'utf8')).toBe(before);
    expect(cases(src)).toEqual(['alfa.md', 'bravo.md', 'charlie.md']);
  });

  it('ends quietly on Ctrl-C (SIGINT) without a stack trace, writing nothing', async () => {
    const src = corpusWith();
    const child = spawn(process.execPath, ['--import', TSX, join(PROJECT_ROOT, 'pipeline/cli.ts'), 'new', '--sources', src], { cwd: PROJECT_ROOT, env: { ...process.env, KB_SOURCES: '' } });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const asked = new Promise<void>((ok) => child.stdout.on('data', (d) => (stdout += d).includes('Titel') && ok()));
    await asked;
    child.kill('SIGINT');
    const code = await new Promise<number | null>((ok) => child.on('exit', (c) => ok(c)));
    expect(code).toBe(130);
    expect(stderr).toContain('Afgebroken: er is niets geschreven.');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(cases(src)).toEqual(['alfa.md', 'bravo.md', 'charlie.md']);
  }, 60_000);

  it('proposes a short id from a long title', () => {
    const title = 'Doorlopende leerroute techniek van vmbo naar mbo in Zeeuws-Vlaanderen en de Kanaalzone';
    expect(shortId(title)).toBe('doorlopende-leerroute-techniek');
    expect(shortId('Leerlab Weert')).toBe('weert');
    for (const t of [title, 'Leerlab Een Heel Lange Naam Zonder Enig Vulwoord Erin Geschreven', 'x'.repeat(80)]) expect(shortId(t).length).toBeLessThanOrEqual(SHORT_ID_MAX);
    expect(existsSync(join(PROJECT_ROOT, 'templates/case.md'))).toBe(true);
  });
});
