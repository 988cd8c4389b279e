// The author's workflow: scaffold → check → build, and what she sees when something is wrong.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseSlug } from '../pipeline/scaffold.ts';
import { cli } from './helpers/cli.ts';
import { corpusWith } from './helpers/corpus.ts';
import { ALIAS_BOMB } from './helpers/hostile.ts';

describe('npm run new', () => {
  it('should make slugs that fold diacritics and handle names like \'s-Hertogenbosch', () => {
    expect(caseSlug("Leerlab 's-Hertogenbosch")).toBe('s-hertogenbosch');
    expect(caseSlug('Leerlab Noord-West Veluwe')).toBe('noord-west-veluwe');
    expect(caseSlug('Pilot Geïntegreerde route Zwolle')).toBe('pilot-geintegreerde-route-zwolle');
    expect(caseSlug('Leerlab Amsterdam-IJburg')).toBe('amsterdam-ijburg');
  });

  it('should scaffold a case that passes check and builds into a page', () => {
    const src = corpusWith();
    const r = cli(['new', '--sources', src, '--titel', "Leerlab 's-Hertogenbosch Oost", '--regio', "'s-Hertogenbosch", '--provincie', 'Noord-Brabant', '--bron', 'doc-a', '--plaats', 's-hertogenbosch']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const file = join(src, 'cases/s-hertogenbosch-oost.md');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('titel: "Leerlab \'s-Hertogenbosch Oost"');
    const checked = cli(['check', '--sources', src]);
    expect(checked.stdout).toMatch(/^OK: 4 cases/m);
    expect(checked.code).toBe(0);
    const out = join(mkdtempSync(join(tmpdir(), 'kb-out-')), 'site');
    expect(cli(['build', '--sources', src, '--out', out, '--quiet']).code).toBe(0);
    const html = readFileSync(join(out, 'cases/s-hertogenbosch-oost/index.html'), 'utf8');
    expect(html).toContain('id="reistijd-bus"');
  }, 60_000);

  it('should never overwrite an existing case', () => {
    const src = corpusWith();
    const before = readFileSync(join(src, 'cases/alfa.md'), 'utf8');
    const r = cli(['new', '--sources', src, '--titel', 'Alfa', '--regio', 'Weert', '--provincie', 'limburg', '--bron', 'doc-a']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('alfa.md bestaat al');
    expect(readFileSync(join(src, 'cases/alfa.md'), 'utf8')).toBe(before);
  });

  it('should list the allowed provinces for a wrong one', () => {
    const src = corpusWith();
    const r = cli(['new', '--sources', src, '--titel', 'X', '--regio', 'X', '--provincie', 'Brabant-Noord', '--bron', 'doc-a']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('toegestaan: groningen, friesland, drenthe');
  });

  it('should report an alias bomb in documents.yml with its position instead of a stack trace', () => {
    const src = corpusWith({ 'documents.yml': ALIAS_BOMB });
    const r = cli(['new', '--sources', src, '--titel', 'Nieuw', '--regio', 'Weert', '--provincie', 'limburg', '--bron', 'doc-a']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^Niet aangemaakt: ${src.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/documents\\.yml:2:8  fout: YAML klopt niet: de verwijzingen \\(\\*naam\\) vermenigvuldigen zich tot meer dan 100 kopieën`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(src, 'cases/nieuw.md'))).toBe(false);
  });

  it('should name the missing flags when not on a terminal', () => {
    const r = cli(['new', '--titel', 'X']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Ontbrekend: --regio, --provincie, --bron');
  });
});
