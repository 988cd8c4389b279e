// The probes of issue #11, each through the CLI as a reviewer ran them: `npm run build` on a
// corpus with one hostile file, next to a site built before. Each asserts the exit code, the exact
// positioned message, an untouched site, no stack trace, and — where the file carries code — that
// the marker file the code would write does not exist. (The --out guard, read-only places and
// mount points: output.test.ts; the dev server: dev.test.ts; generated documents: property.test.ts.)
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, treeHashes } from '../helpers/cli.ts';
import { caseFile, corpusWith } from '../helpers/corpus.ts';
import { ALIAS_BOMB } from '../helpers/hostile.ts';

const marker = join(mkdtempSync(join(tmpdir(), 'kb-probe-marker-')), 'CODE-RAN');
const writesMarker = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`;
const thread = (id: string) => `---\ntitel: T\nsoort: synthese\nbron: doc-a\nsectie: S\nsamenvatting: S.\ncases: []\n---\n\n## Rode draden\n\n- Een draad over vervoer. {id: ${id}; thema: vervoer-en-afstand}\n`;
const lessen = (items: string) => caseFile({ body: `## Lessen\n\n${items}` });

interface Probe {
  name: string;
  files?: Record<string, string>;
  setup?: (src: string) => void;
  /** `file:line:col` relative to the corpus, and the message, of the first error. */
  error: [string, string];
  /** Messages that must not appear (follow-up errors). */
  absent?: string[];
}

const PROBES: Probe[] = [
  { name: 'a case opening with ---js that writes a file', files: { 'cases/x.md': `---js\n{ titel: (${writesMarker}, 'X') }\n---\n` }, error: ['cases/x.md:1:4', 'de frontmatter is als "js" gemarkeerd; alleen YAML wordt gelezen'] },
  { name: 'a case opening with --- javascript', files: { 'cases/x.md': `--- javascript\n(${writesMarker}, { titel: 'X' })\n---\n` }, error: ['cases/x.md:1:4', 'de frontmatter is als "javascript" gemarkeerd; alleen YAML wordt gelezen'] },
  { name: 'a case opening with ---coffee', files: { 'cases/x.md': '---coffee\ntitel: "X"\n---\n' }, error: ['cases/x.md:1:4', 'de frontmatter is als "coffee" gemarkeerd; alleen YAML wordt gelezen'] },
  { name: 'a YAML !!js/function tag', files: { 'cases/x.md': caseFile({ frontmatter: { titel: `!!js/function "function () { ${writesMarker} }"` } }) }, error: ['cases/x.md:2:8', 'YAML-tag niet toegestaan: tag:yaml.org,2002:js/function'] },
  { name: 'an alias bomb in a case', files: { 'cases/x.md': `---\n${ALIAS_BOMB}---\n` }, error: ['cases/x.md:3:8', 'YAML klopt niet: de verwijzingen (*naam) vermenigvuldigen zich tot meer dan 100 kopieën'] },
  { name: 'an alias bomb in codebook.yml', files: { 'codebook.yml': ALIAS_BOMB }, error: ['codebook.yml:2:8', 'YAML klopt niet: de verwijzingen (*naam) vermenigvuldigen zich tot meer dan 100 kopieën'], absent: ['onbekend thema'] },
  { name: 'an alias bomb in documents.yml', files: { 'documents.yml': ALIAS_BOMB }, error: ['documents.yml:2:8', 'YAML klopt niet: de verwijzingen (*naam) vermenigvuldigen zich tot meer dan 100 kopieën'], absent: ['brondocument'] },
  { name: 'an alias bomb in places.yml', files: { 'places.yml': ALIAS_BOMB }, error: ['places.yml:2:8', 'YAML klopt niet: de verwijzingen (*naam) vermenigvuldigen zich tot meer dan 100 kopieën'], absent: ['onbekende plaats', 'staat niet in'] },
  { name: 'an unresolved alias *x', files: { 'cases/x.md': '---\ntitel: *x\n---\n' }, error: ['cases/x.md:2:8', 'YAML klopt niet: verwijzing "*x" naar een anker dat niet (eerder) bestaat'] },
  { name: 'the property test’s find: ---\\n*_`', files: { 'cases/x.md': '---\n*_`\n' }, error: ['cases/x.md:2:1', 'de frontmatter wordt niet afgesloten'] },
  { name: 'a 265-character rode-draad id', files: { 'notes/n.md': thread('a'.repeat(265)) }, error: ['notes/n.md:12:28', 'bevinding-id "aaaaaaaaaaaaaaaaaaaa…" heeft 265 tekens; hoogstens 64'] },
  { name: 'an authored rode draad on the address of a computed one (lob vs thema-lob)', files: { 'notes/thema.md': thread('lob') }, error: ['notes/thema.md:12:28', 'rode draad "lob" krijgt het adres /rode-draden/thema-lob/, dat al hoort bij de berekende rode draad van thema "lob"'] },
  { name: 'a finding id equal to the layout’s "inhoud"', files: { 'cases/x.md': lessen('- Tekst. {id: inhoud; thema: lob}\n') }, error: ['cases/x.md:21:11', 'bevinding-id "inhoud" is een id die de pagina\'s van de site zelf gebruiken'] },
  { name: 'a finding id equal to the layout’s "verwant"', files: { 'cases/x.md': lessen('- Tekst. {id: verwant; thema: lob}\n') }, error: ['cases/x.md:21:11', 'bevinding-id "verwant" is een id die de pagina\'s van de site zelf gebruiken'] },
  { name: 'a symlink to /etc/passwd', setup: (src) => symlinkSync('/etc/passwd', join(src, 'cases/passwd.md')), error: ['cases/passwd.md:1:1', 'dit is een symbolische link; links in de bronnen worden niet gevolgd'] },
  {
    name: 'a symlink to a case outside the project',
    setup: (src) => {
      const outside = mkdtempSync(join(tmpdir(), 'kb-outside-'));
      writeFileSync(join(outside, 'geheim.md'), caseFile({ frontmatter: { titel: 'Geheim' } }));
      symlinkSync(join(outside, 'geheim.md'), join(src, 'cases/geheim.md'));
    },
    error: ['cases/geheim.md:1:1', 'dit is een symbolische link; links in de bronnen worden niet gevolgd'],
  },
  { name: 'a missing codebook.yml', setup: (src) => rmSync(join(src, 'codebook.yml')), error: ['codebook.yml:1:1', 'dit bestand ontbreekt'], absent: ['onbekend thema'] },
  { name: 'a 20 MB case file', files: { 'cases/x.md': lessen(`- ${'Proza over niets bijzonders. '.repeat(724_000)}{thema: lob}\n`) }, error: ['cases/x.md:1:1', 'het bestand is 20 MB groot; hoogstens 256 kB'] },
  { name: '20 000 findings in one file', files: { 'cases/x.md': lessen(`${Array.from({ length: 20_000 }, (_, i) => `- L${i}. {thema: lob}`).join('\n')}\n`) }, error: ['cases/x.md:1:1', 'het bestand is 439 kB groot; hoogstens 256 kB'] },
  { name: '2 000 findings in one file (under the size limit)', files: { 'cases/x.md': lessen(`${Array.from({ length: 2_000 }, (_, i) => `- L${i}. {thema: lob}`).join('\n')}\n`) }, error: ['cases/x.md:521:1', 'meer dan 500 lijstitems en citaten (>) in dit bestand'] },
  { name: '400 findings in one file', files: { 'cases/x.md': lessen(`${Array.from({ length: 400 }, (_, i) => `- L${i}. {thema: lob}`).join('\n')}\n`) }, error: ['cases/x.md:321:1', '400 bevindingen in één bestand; hoogstens 300'] },
  { name: 'a 50 000-character finding', files: { 'cases/x.md': lessen(`- ${'woord '.repeat(8_400)}{thema: lob}\n`) }, error: ['cases/x.md:21:1', 'deze bevinding heeft 50 399 tekens; hoogstens 2 000'] },
  { name: 'lists nested 300 deep', files: { 'cases/x.md': lessen(`${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')} {thema: lob}\n`) }, error: ['cases/x.md:31:1', 'deze regel is 11 niveaus diep genest of ingesprongen; hoogstens 10'] },
  { name: 'nested emphasis that overflowed the stack (**×5000 x **×5000)', files: { 'cases/x.md': lessen(`- ${'**'.repeat(5000)}x${'**'.repeat(5000)} {thema: lob}\n`) }, error: ['cases/x.md:21:1003', 'meer dan 1 000 opmaaktekens (* _ [ ] ` <) in dit bestand'] },
  { name: '100 000 frontmatter keys (100 s in the YAML parser)', files: { 'cases/x.md': `---\n${Array.from({ length: 100_000 }, (_, i) => `k${i}: v`).join('\n')}\n---\n` }, error: ['cases/x.md:1:1', 'het bestand is 966 kB groot; hoogstens 256 kB'] },
];

describe('probes of issue #11 through npm run build', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'kb-probes-')), '_site');
  let before: Record<string, string>;

  beforeAll(() => {
    const r = cli(['build', '--sources', corpusWith(), '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    before = treeHashes(out);
  }, 180_000);

  for (const probe of PROBES) {
    it(`should refuse ${probe.name} with a positioned error and leave the site untouched`, () => {
      const src = corpusWith(probe.files ?? {});
      probe.setup?.(src);
      const r = cli(['build', '--sources', src, '--out', out]);
      expect(r.code).toBe(1);
      const [at, message] = probe.error;
      const errors = r.stderr.split('\n').filter((l) => l.includes('  fout: '));
      expect(errors[0]).toMatch(new RegExp(`^${escape(`${src}/${at}  fout: ${message}  (`)}`));
      for (const a of probe.absent ?? []) expect(r.stderr).not.toContain(a);
      expect(r.stderr).toContain('Bouwen afgebroken: los de fouten hierboven op. De vorige site in');
      expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
      expect(existsSync(marker)).toBe(false);
      expect(treeHashes(out)).toEqual(before);
    }, 120_000);
  }

  it('should warn about .MD, .markdown and a folder named x.md in check, exit 0', () => {
    const src = corpusWith({ 'cases/a.MD': caseFile(), 'cases/b.markdown': caseFile() });
    mkdirSync(join(src, 'cases/c.md'));
    const r = cli(['check', '--sources', src]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${src}/cases/a.MD:1:1  waarschuwing: dit bestand wordt niet gelezen: alleen bestanden die op .md eindigen (kleine letters) tellen mee  (Hernoem het naar a.md.)`);
    expect(r.stdout).toContain(`${src}/cases/b.markdown:1:1  waarschuwing: dit bestand wordt niet gelezen: alleen bestanden die op .md eindigen (kleine letters) tellen mee  (Hernoem het naar b.md.)`);
    expect(r.stdout).toContain(`${src}/cases/c.md:1:1  waarschuwing: dit is een map en wordt niet gelezen  (Zet cases en notities direct in de map, als bestanden die op .md eindigen.)`);
  }, 120_000);

  it('should render template syntax in a title as text, never run it', () => {
    const ssti = `{{ range.constructor("return process.mainModule.require('fs').writeFileSync('${marker}','x')")() }} {{ 7*7 }} {% raw %}`;
    const src = corpusWith({ 'cases/x.md': caseFile({ frontmatter: { titel: JSON.stringify(ssti), samenvatting: '"<script>alert(1)</script> {{ 6*7 }}"' } }) });
    const site = join(mkdtempSync(join(tmpdir(), 'kb-ssti-')), 'site');
    const r = cli(['build', '--sources', src, '--out', site, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(marker)).toBe(false);
    const html = readFileSync(join(site, 'cases/x/index.html'), 'utf8');
    expect(html).toContain('{{ 7*7 }} {% raw %}</h1>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; {{ 6*7 }}');
    expect(html).not.toMatch(/\b(49|42)\b/);
    expect(html).not.toContain('<script>alert');
  }, 120_000);

  it('should write a finding that starts with = or @ as text in findings.csv', () => {
    const src = corpusWith({ 'cases/x.md': caseFile({ body: '## Knelpunten\n\n- =HYPERLINK("http://x","klik") {id: a; thema: lob}\n- @SUM(1+1) {id: b; thema: lob}\n' }) });
    const site = join(mkdtempSync(join(tmpdir(), 'kb-csv-')), 'site');
    expect(cli(['build', '--sources', src, '--out', site, '--quiet']).code).toBe(0);
    const csv = readFileSync(join(site, 'data/findings.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`x#a,knelpunt,x,,Leerlab Test,limburg,lob,"'=HYPERLINK(""http://x"",""klik"")",doc-a,Leerlab Test,/cases/x/#a\r\n`);
    expect(csv).toContain(`x#b,knelpunt,x,,Leerlab Test,limburg,lob,'@SUM(1+1),doc-a,Leerlab Test,/cases/x/#b\r\n`);
  }, 120_000);
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
