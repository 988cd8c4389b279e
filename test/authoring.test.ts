// The author's workflow: scaffold → check → build, and what she sees when something is wrong.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseSlug } from '../pipeline/scaffold.ts';
import { cli } from './helpers/cli.ts';
import { caseFile, corpusWith } from './helpers/corpus.ts';
import { ALIAS_BOMB } from './helpers/hostile.ts';

describe('npm run new', () => {
  it('should make slugs that fold diacritics and handle names like \'s-Hertogenbosch', () => {
    expect(caseSlug("Leerlab 's-Hertogenbosch")).toBe('s-hertogenbosch');
    expect(caseSlug('Leerlab Noord-West Veluwe')).toBe('noord-west-veluwe');
    expect(caseSlug('Pilot Geïntegreerde route Zwolle')).toBe('pilot-geintegreerde-route-zwolle');
    expect(caseSlug('Leerlab Amsterdam-IJburg')).toBe('amsterdam-ijburg');
  });

  it('should scaffold a case that check refuses until the template text is replaced, then builds into a page', () => {
    const src = corpusWith();
    const r = cli(['new', '--sources', src, '--titel', "Leerlab 's-Hertogenbosch Oost", '--regio', "'s-Hertogenbosch", '--provincie', 'Noord-Brabant', '--bron', 'doc-a', '--plaats', 's-hertogenbosch']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const file = join(src, 'cases/s-hertogenbosch-oost.md');
    const scaffold = readFileSync(file, 'utf8');
    expect(scaffold).toContain('titel: "Leerlab \'s-Hertogenbosch Oost"');
    expect(scaffold).toMatch(/^provincie: noord-brabant /m);
    expect(scaffold).toMatch(/^plaatsen: \[s-hertogenbosch\] /m);
    // untouched, the scaffold's placeholders and example findings are errors: nothing of it is published
    const untouched = cli(['check', '--sources', src]);
    expect(untouched.code).toBe(1);
    expect(untouched.stdout).toContain('cases/s-hertogenbosch-oost.md:71:3  fout: voorbeeldbevinding uit het sjabloon: "VOORBEELD de leerlingen reizen een half uur met de…"');
    expect(untouched.stdout).toContain('cases/s-hertogenbosch-oost.md:15:8  fout: scholen.vo[0]: "VUL IN naam vo-school" is tekst uit het sjabloon');
    // the author fills it in
    const filled = scaffold
      .replace('[VUL IN naam vo-school]', '[Het Hooghuis]')
      .replace('[VUL IN naam mbo-instelling]', '[Koning Willem I College]')
      .replace('[VUL IN sector]', '[techniek]')
      .replace('VUL IN routetype', 'doorlopende-leerroute')
      .replace('[VUL IN vmbo-kb → mbo-3]', '[vmbo-kb → mbo-3]')
      .replace('"VUL IN 2022–2023"', '"2023"')
      .replace(/VUL IN Twee tot vier zinnen[^\n]*/, 'Een vmbo en een mbo in Oost maken samen een route techniek.')
      .replace(/VUL IN Een tot drie alinea's[^\n]*/, 'Het leerlab begon in 2023 met één opleiding.')
      .replace(/^- VOORBEELD de leerlingen reizen/m, '- De leerlingen reizen')
      .replace(/^- VOORBEELD docenten/m, '- Docenten')
      .replace(/^- VOORBEELD begin klein/m, '- Begin klein');
    writeFileSync(file, filled);
    const checked = cli(['check', '--sources', src]);
    expect(checked.stdout).toMatch(/^OK: 4 cases/m);
    expect(checked.code).toBe(0);
    const out = join(mkdtempSync(join(tmpdir(), 'kb-out-')), 'site');
    expect(cli(['build', '--sources', src, '--out', out, '--quiet']).code).toBe(0);
    const html = readFileSync(join(out, 'cases/s-hertogenbosch-oost/index.html'), 'utf8');
    expect(html).toContain('id="reistijd-bus"');
    expect(html).not.toContain('VOORBEELD');
  }, 120_000);

  it('should report an alias bomb in documents.yml with its position instead of a stack trace', () => {
    const src = corpusWith({ 'documents.yml': ALIAS_BOMB });
    const r = cli(['new', '--sources', src, '--titel', 'Nieuw', '--regio', 'Weert', '--provincie', 'limburg', '--bron', 'doc-a']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^Niet aangemaakt: ${src.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/documents\\.yml:2:8  fout: YAML klopt niet: de verwijzingen \\(\\*naam\\) vermenigvuldigen zich tot meer dan 100 kopieën`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(src, 'cases/nieuw.md'))).toBe(false);
  });
});

describe('npm run check -- --output FILE', () => {
  it('writes the JSON report whole to the file and one summary line to the screen', () => {
    const src = corpusWith({ 'cases/kapot.md': caseFile({ frontmatter: { provincie: 'Zeeuws' } }) });
    const report = join(mkdtempSync(join(tmpdir(), 'kb-report-')), 'check.json');
    const r = cli(['check', '--sources', src, '--format', 'json', '--output', report]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^NIET OK: 3 cases, 1 notities, \\d+ bevindingen gecontroleerd in \\d+ ms; 1 fout, \\d+ waarschuwingen in ${report.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n$`));
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.ok).toBe(false);
    expect(json.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([expect.objectContaining({ ruleId: 'field-value', message: '"Zeeuws" is geen toegestane waarde voor "provincie" — bedoel je "zeeland"?' })]);
  });

  it('refuses a report inside the sources, and an unknown format, with exit 2', () => {
    const src = corpusWith();
    const inside = cli(['check', '--sources', src, '--output', join(src, 'cases/check.json')]);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain('ligt in de bronmap');
    expect(existsSync(join(src, 'cases/check.json'))).toBe(false);
    const format = cli(['check', '--sources', src, '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toBe('--format "xml" bestaat niet; kies text of json.\n');
  });
});
