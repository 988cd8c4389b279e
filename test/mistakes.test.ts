// What an author actually gets wrong (issue #14), each as a small source file, with the exact
// message `npm run check` gives for it: position, rule and text. One mistake, one message.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, makeConfig } from '../pipeline/build.ts';
import { DOCUMENT_KINDS } from '../pipeline/vocabulary.ts';
import { caseFile, corpusWith, PROJECT_ROOT } from './helpers/corpus.ts';

const K = '## Knelpunten\n\n';
const withBody = (body: string) => ({ 'cases/x.md': caseFile({ body }) });
const withField = (frontmatter: Record<string, string | null>) => ({ 'cases/x.md': caseFile({ frontmatter }) });
const note = (item: string) => ({ 'notes/n.md': `---\ntitel: N\nsoort: synthese\nbron: doc-b\nsectie: S\nsamenvatting: S.\n---\n\n## Rode draden\n\n${item}\n` });
const documents = (soort: string) => ({ 'documents.yml': `- id: doc-a\n  titel: A\n  uitgever: U\n  jaar: 2023\n  soort: ${soort}\n- id: doc-b\n  titel: B\n  uitgever: U\n  jaar: 2021\n  soort: notitie\n` });

/** [mistake, files, every error in that file as "line:column [rule] message"] */
const MISTAKES: [string, Record<string, string>, string[]][] = [
  ['a finding ending in {}', withBody(`${K}- De bus rijdt te weinig. {}\n`), ['21:27 [finding-themes] leeg kenmerkenblok {}: de bevinding heeft geen thema']],
  ['a finding ending in { }', withBody(`${K}- De bus rijdt te weinig. { }\n`), ['21:27 [finding-themes] leeg kenmerkenblok {}: de bevinding heeft geen thema']],
  [
    'findings under "## Knelpunten en problemen"',
    withBody('## Knelpunten en problemen\n\n- De bus rijdt te weinig. {id: bus; thema: vervoer-en-afstand}\n'),
    ['19:1 [finding-heading] de kop "Knelpunten en problemen" noemt geen type bevinding, dus de lijstitems eronder met {…} worden gewone tekst — bedoel je "## Knelpunten"?'],
  ],
  [
    'findings under "## Wat hielp"',
    withBody('## Wat hielp\n\n- Stages hielpen. {id: stage; thema: beroepspraktijk}\n'),
    ['19:1 [finding-heading] de kop "Wat hielp" noemt geen type bevinding, dus de lijstitems eronder met {…} worden gewone tekst — bedoel je "## Succesfactoren"?'],
  ],
  [
    'a finding that starts with <script>',
    withBody(`${K}- <script>alert(1)</script> De bus. {id: bus; thema: vervoer-en-afstand}\n`),
    ['21:3 [finding-html] deze bevinding begint met HTML (<script>): een regel die met een HTML-tag begint, wordt niet gepubliceerd — ook de tekst en het kenmerkenblok {…} erachter niet'],
  ],
  ['a case without findings', withBody('## Over dit leerlab\n\nAlleen tekst.\n'), ['17:1 [no-findings] deze case heeft geen bevindingen']],
  ['a tab used to indent', withField({ scholen: '\n\tvo: [School Test]\n  mbo: [ROC Test]' }), ['7:1 [yaml-syntax] deze regel springt in met een tab']],
  ['a value with ": " in it', withField({ titel: 'Leerlab Weert: de route' }), ['2:8 [yaml-syntax] de waarde van "titel" bevat een dubbele punt met een spatie erna, en YAML leest dat als een nieuw veld']],
  ['a second line of a value without indent', withField({ samenvatting: 'Eerste zin.\nTweede regel zonder inspringen.' }), ['16:1 [yaml-syntax] deze regel is geen veld in de vorm "naam: waarde"']],
  ["a value starting with an apostrophe ('s-Hertogenbosch)", withField({ regio: "'s-Hertogenbosch" }), ['3:8 [yaml-syntax] de waarde van "regio" begint met een apostrof, en YAML leest die als het begin van een tekst tussen aanhalingstekens']],
  ['a frontmatter without its closing ---', { 'cases/x.md': caseFile().replace('\n---\n\n##', '\n\n##') }, ['17:1 [frontmatter-unclosed] de frontmatter wordt niet afgesloten']],
  ['no provincie', withField({ provincie: null }), ['2:1 [field-required] verplicht veld "provincie" ontbreekt']],
  ['thema: projectleider (a synonym)', withBody(`${K}- De bus. {id: bus; thema: projectleider}\n`), ['21:28 [unknown-theme] onbekend thema "projectleider" — bedoel je "procesbegeleiding"?']],
  ['provincie: Zeeuws', withField({ provincie: 'Zeeuws' }), ['4:12 [field-value] "Zeeuws" is geen toegestane waarde voor "provincie" — bedoel je "zeeland"?']],
  ['steunt without # (alfa-bus)', note('- Draad. {id: d; thema: lob; steunt: alfa-bus}'), ['11:38 [unknown-finding] bevinding "alfa-bus" bestaat niet in n — bedoel je "alfa#bus"?']],
  ['an unknown theme after a known one', withBody(`${K}- De bus. {id: bus; thema: vervoer-en-afstand, lobb}\n`), ['21:48 [unknown-theme] onbekend thema "lobb" — bedoel je "lob"?']],
  ['titel on a knelpunt', withBody(`${K}- De bus. {id: bus; titel: Bus; thema: vervoer-en-afstand}\n`), ['21:21 [thread-title] "titel" bij een knelpunt: alleen een rode draad krijgt een eigen titel']],
  ['a rode-draad titel over 80 characters', note(`- Draad. {id: d; titel: ${'Een titel die veel te lang is omdat hij de hele bevinding nog eens herhaalt en nog meer'}; thema: lob}`), ['11:18 [thread-title] de titel heeft 87 tekens; hoogstens 80']],
  ['a document soort outside the list', documents('digizine'), ['5:10 [field-value] "digizine" is geen toegestane waarde voor "soort" van "doc-a" — bedoel je "magazine"?']],
];

describe('what an author gets wrong, and the message check gives', () => {
  it.each(MISTAKES)('%s', async (_name, files, expected) => {
    const dir = corpusWith(files);
    const r = await check(makeConfig(dir, { sourcesDir: '.' }));
    const file = Object.keys(files)[0];
    const errors = r.problems.filter((p) => p.file.endsWith(file) && p.severity === 'error');
    expect(errors.map((p) => `${p.line}:${p.column} [${p.ruleId}] ${p.message}`)).toEqual(expected);
    expect(r.ok).toBe(false);
    for (const p of errors) expect(p.fix, 'every message says how to fix it').toBeTruthy();
  });

  it('keeps the YAML parser’s own words as detail, and says what to do', async () => {
    const r = await check(makeConfig(corpusWith(withField({ titel: 'Leerlab Weert: de route' })), { sourcesDir: '.' }));
    expect(r.problems.find((p) => p.ruleId === 'yaml-syntax')).toMatchObject({ fix: 'Zet de waarde tussen aanhalingstekens: titel: "Leerlab Weert: de route"', detail: 'Nested mappings are not allowed in compact mappings' });
  });

  it('says where the closing --- of the frontmatter belongs', async () => {
    const r = await check(makeConfig(corpusWith({ 'cases/x.md': caseFile().replace('\n---\n\n##', '\n\n##') }), { sourcesDir: '.' }));
    expect(r.problems.find((p) => p.ruleId === 'frontmatter-unclosed')?.fix).toBe('Sluit de frontmatter af met een regel --- (regel 17, vóór "## Knelpunten").');
  });

  it('names the allowed provinces when the field is missing, and a synonym as such', async () => {
    const missing = await check(makeConfig(corpusWith(withField({ provincie: null })), { sourcesDir: '.' }));
    expect(missing.problems.find((p) => p.ruleId === 'field-required')?.fix).toBe('Voeg "provincie: …" toe aan de frontmatter (zie templates/case.md); toegestaan: groningen, friesland, drenthe, overijssel, flevoland, gelderland, utrecht, noord-holland, zuid-holland, zeeland, noord-brabant, limburg.');
    const synonym = await check(makeConfig(corpusWith(withBody(`${K}- De bus. {id: bus; thema: projectleider}\n`)), { sourcesDir: '.' }));
    expect(synonym.problems.find((p) => p.ruleId === 'unknown-theme')?.fix).toBe('"projectleider" is een synoniem van het thema "procesbegeleiding"; schrijf in {thema: …} de thema-id.');
  });
});

describe('where authors look', () => {
  it('the template, README and /auteurs/ name every field of documents.yml and places.yml and every soort', () => {
    for (const file of ['templates/case.md', 'README.md', 'site/auteurs.njk']) {
      const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
      for (const field of ['id', 'titel', 'uitgever', 'jaar', 'soort', 'auteurs', 'url']) expect(text, `${file}: documents.yml ${field}`).toMatch(new RegExp(`\\b${field}:`));
      for (const kind of DOCUMENT_KINDS) expect(text, `${file}: soort ${kind.id}`).toContain(kind.id);
      if (file !== 'templates/case.md') for (const field of ['naam', 'provincie', 'lat', 'lon']) expect(text, `${file}: places.yml ${field}`).toMatch(new RegExp(`\\b${field}:`));
    }
  });
});
