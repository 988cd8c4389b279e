// The whole build through the CLI: determinism, atomicity and clear failures.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, treeHashes } from '../helpers/cli.ts';
import { caseFile, corpusWith, PROJECT_ROOT } from '../helpers/corpus.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'kb-out-'));

describe('build', () => {
  it('should give byte-identical output for two builds of the same sources', () => {
    const src = corpusWith();
    const [a, b] = [join(tmp(), 'site'), join(tmp(), 'site')];
    expect(cli(['build', '--sources', src, '--out', a, '--quiet']).code).toBe(0);
    expect(cli(['build', '--sources', src, '--out', b, '--quiet']).code).toBe(0);
    const ha = treeHashes(a);
    expect(Object.keys(ha)).toEqual(expect.arrayContaining(['index.html', 'cases/alfa/index.html', 'data/cases.json', 'data/findings.json', 'data/findings.csv', 'data/rode-draden.json', 'feed.xml', 'search/meta.json']));
    expect(treeHashes(b)).toEqual(ha);
  }, 60_000);

  it('should leave the previous site untouched when a source is broken', () => {
    const src = corpusWith();
    const out = join(tmp(), 'site');
    expect(cli(['build', '--sources', src, '--out', out, '--quiet']).code).toBe(0);
    const before = treeHashes(out);
    writeFileSync(join(src, 'cases/kapot.md'), caseFile({ frontmatter: { provincie: 'limburgg' } }));
    const r = cli(['build', '--sources', src, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cases/kapot.md:4:12  fout: "limburgg" is geen toegestane waarde voor "provincie" — bedoel je "limburg"?');
    expect(r.stderr).toContain('is niet aangeraakt');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(treeHashes(out)).toEqual(before);
  }, 60_000);

  it('should put back a site that a killed build had set aside, and clear its old partial output', () => {
    const src = corpusWith();
    const out = join(tmp(), 'site');
    expect(cli(['build', '--sources', src, '--out', out, '--quiet']).code).toBe(0);
    const before = treeHashes(out);
    // the state a build leaves when it is killed between its two renames
    renameSync(out, `${out}.old-deadbeef`);
    mkdirSync(`${out}.tmp-cafebabe`);
    const twoHoursAgo = new Date(Date.now() - 7_200_000);
    utimesSync(`${out}.tmp-cafebabe`, twoHoursAgo, twoHoursAgo);
    writeFileSync(join(src, 'cases/kapot.md'), caseFile({ frontmatter: { provincie: 'limburgg' } }));
    const r = cli(['build', '--sources', src, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Een eerder afgebroken build had');
    expect(treeHashes(out)).toEqual(before);
    expect(readdirSync(dirname(out))).toEqual(['site']);
  }, 60_000);

  it('should finish the build when the reader of its output goes away', () => {
    const out = join(tmp(), 'site');
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" --import tsx pipeline/cli.ts build --sources "${corpusWith()}" --out "${out}" | head -c 1 >/dev/null`], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, KB_SOURCES: '' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(readdirSync(dirname(out))).toEqual(['site']);
  }, 60_000);

  it('should write exports with the documented shapes, the CSV with a BOM', () => {
    const src = corpusWith();
    const out = join(tmp(), 'site');
    expect(cli(['build', '--sources', src, '--out', out, '--quiet']).code).toBe(0);
    const cases = JSON.parse(readFileSync(join(out, 'data/cases.json'), 'utf8'));
    expect(cases[0]).toMatchObject({ id: 'alfa', title: 'Leerlab Alfa', region: 'Weert', places: ['Weert'], province: 'limburg', schools: { vo: ['School Alfa'], mbo: ['ROC Alfa'] }, sectors: ['techniek'], routeType: 'keuzedeel-samenwerking', levels: ['vmbo-kb → mbo-3'], period: '2022–2023', url: '/cases/alfa/' });
    const findings = JSON.parse(readFileSync(join(out, 'data/findings.json'), 'utf8'));
    expect(findings.find((f: { id: string }) => f.id === 'charlie#leerrestaurant')).toEqual({
      id: 'charlie#leerrestaurant',
      type: 'succesfactor',
      text: 'Leerlingen werken in het leerrestaurant van het mbo.',
      themes: ['beroepspraktijk'],
      case: 'charlie',
      note: null,
      province: 'noord-brabant',
      source: { document: 'doc-a', section: 'Rode-draadartikel' },
      supports: [],
      url: '/cases/charlie/#leerrestaurant',
    });
    const csv = readFileSync(join(out, 'data/findings.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csv.toString('utf8').split('\r\n');
    expect(rows[0]).toBe('\uFEFFid,type,case,note,title,province,themes,text,document,section,url');
    expect(rows).toContain('alfa#bus,knelpunt,alfa,,Leerlab Alfa,limburg,vervoer-en-afstand rooster-en-logistiek,De bus naar het ROC doet er een half uur over.,doc-a,Leerlab Alfa,/cases/alfa/#bus');
    const html = readFileSync(join(out, 'cases/alfa/index.html'), 'utf8');
    expect(html).toContain('id="bus"');
  }, 60_000);

  it('should validate only with check, as JSON for editors', () => {
    const src = corpusWith({ 'cases/kapot.md': caseFile({ body: '## Knelpunten\n\n- A. {id: a; thema: lobb}\n' }) });
    const r = cli(['check', '--sources', src, '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(false);
    expect(out.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([expect.objectContaining({ file: expect.stringMatching(/cases\/kapot\.md$/), line: 21, ruleId: 'unknown-theme', message: 'onbekend thema "lobb" — bedoel je "lob"?' })]);
  });
});

describe('build of the real corpus', () => {
  const out = join(tmp(), 'site');
  let r: ReturnType<typeof cli>;
  const json = (p: string) => JSON.parse(readFileSync(join(out, p), 'utf8'));
  beforeAll(() => {
    r = cli(['build', '--out', out]);
  }, 60_000);

  it('should print the summary with the counts of sources/', () => {
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("13 cases, 7 notities, 391 bevindingen (120 knelpunten, 137 succesfactoren, 27 rode draden, 107 lessen), 39 thema's, 58 rode draden op de site");
    expect(r.stdout).toContain('0 fouten, 0 waarschuwingen');
    expect(r.stdout).toMatch(/tijd: load [\d.]+ ms, parse [\d.]+ ms, validate [\d.]+ ms, link [\d.]+ ms, brief [\d.]+ ms, index [\d.]+ ms, emit [\d.]+ ms, pipeline \d+ ms, eleventy \d+ ms/);
  });

  it('should export findings by id with their exact text, themes, source and permalink', () => {
    const byId = new Map((json('data/findings.json') as { id: string }[]).map((f) => [f.id, f]));
    expect(byId.size).toBe(391);
    expect(byId.get('weert#docenten-bij-elkaar')).toEqual({
      id: 'weert#docenten-bij-elkaar',
      type: 'succesfactor',
      text: 'Besturen, beleidsmedewerkers en de decanenkring hadden al contact, maar pas als leerlab brachten de scholen ook de docenten samen; sindsdien bellen docenten elkaar over lesmateriaal of een bedrijf, en een zij-instromer in de lerarenopleiding liep stage bij Philips van Horne.',
      themes: ['relatie-en-vertrouwen', 'docentuitwisseling'],
      case: 'weert',
      note: null,
      province: 'limburg',
      source: { document: 'digizine-leerlabs-2023', section: 'Leerlab Weert: volop in ontwikkeling' },
      supports: [],
      url: '/cases/weert/#docenten-bij-elkaar',
    });
    expect(byId.get('interview-voorzitters#keuzeonderdelen-modulair')).toMatchObject({
      type: 'les',
      text: 'Zoek naar wat wel haalbaar is: deel expertise en voorzieningen en kies delen van het curriculum; met 1400 keuzeonderdelen en ruim 300 certificaten heeft het mbo genoeg om een deel modulair op het vmbo aan te bieden, zodat verschillen vooraf worden voorkomen.',
      themes: ['modulair-en-maatwerk', 'keuzedelen'],
      note: 'interview-voorzitters',
      source: { document: 'digizine-leerlabs-2023', section: 'Flexibeler aanbod' },
      url: '/notities/interview-voorzitters/#keuzeonderdelen-modulair',
    });
    expect(byId.get('interview-voorzitters#bestuur-maakt-ruimte')).toMatchObject({
      type: 'rode-draad',
      themes: ['draagvlak', 'facilitering'],
      supports: ['helmond#bestuur-geeft-ruimte', 'heerhugowaard#bestuur-geeft-ruimte', 'stadskanaal#opdracht-directies', 'noord-west-veluwe#commitment-directies', 'noord-holland#besturen-alle-lagen', 's-hertogenbosch#management-veegt-ja-maars', 's-hertogenbosch#afspraken-bestendigen'],
    });
  });

  it('should write counts in Dutch singular and plural', () => {
    const html = (p: string) => readFileSync(join(out, p), 'utf8');
    expect(html('rode-draden/index.html')).toContain('6 cases · 5 provincies · 1 document</p>');
    expect(html('rode-draden/index.html')).not.toMatch(/\b1 (cases|provincies|documenten)\b/);
    expect(html('themas/administratie/index.html')).toContain('<li><strong>1</strong> les</li>');
    expect(html('themas/administratie/index.html')).toContain('<li><strong>3</strong> knelpunten</li>');
  });

  it('should show an inferred value with its mark and reason on the page and in the export', () => {
    const html = (p: string) => readFileSync(join(out, p), 'utf8');
    const stadskanaal = html('cases/stadskanaal/index.html');
    expect(stadskanaal).toMatch(/<dt>Periode<\/dt><dd>samenwerking sinds ongeveer 2020[^<]*<span class="afgeleid"><strong>Afgeleid:<\/strong> Het artikel zegt dat de samenwerking &#39;drie jaar geleden&#39; begon/);
    expect(stadskanaal).toMatch(/<dt>Niveaus<\/dt><dd>vmbo → mbo<\/dd>/);
    expect(html('cases/landstede-pilots/index.html')).toContain('<a href="/methode/#document-praktijkonderzoek-landstede">uitgever en jaar afgeleid</a>');
    expect(html('methode/index.html')).toMatch(/<li id="document-notitie-waar-een-wil-is">.*<span class="afgeleid"><strong>Jaar afgeleid:<\/strong> De notitie noemt geen datum;/);
    const weert = (json('data/cases.json') as { id: string; inferred: Record<string, string> }[]).find((c) => c.id === 'weert')!;
    expect(Object.keys(weert.inferred)).toEqual(['routetype', 'periode']);
  });

  it('should export each case with its metadata, list items with commas kept whole', () => {
    const gorinchem = (json('data/cases.json') as { id: string }[]).find((c) => c.id === 'gorinchem');
    expect(gorinchem).toMatchObject({
      title: 'Leerlab Gorinchem',
      province: 'zuid-holland',
      places: ['Gorinchem'],
      schools: { vo: ['Omnia College'], mbo: ['ROC Da Vinci College'] },
      programmes: ['Horeca', 'Beveiliging', 'Techniek', 'Recreatie', 'Administratie (receptie, telefonie, HRM)', 'Wellness', 'Sales (handel)'],
      routeType: 'verkenning',
      levels: ['vmbo → mbo'],
      findings: { knelpunt: 6, succesfactor: 8, 'rode-draad': 0, les: 6 },
      url: '/cases/gorinchem/',
    });
  });
});
