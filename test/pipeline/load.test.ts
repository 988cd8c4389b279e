// The load stage reads regular files only: symbolic links are refused (never followed), other
// file types too, oversized files are not read, and names that look like markdown get a warning.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../../pipeline/load/index.ts';
import { caseFile, corpusWith } from '../helpers/corpus.ts';

/** Sorted: the load stage reads files concurrently. */
const summary = (ps: { file: string; line: number; column: number; severity: string; message: string }[]) => ps.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity}: ${p.message}`).sort();

describe('load', () => {
  it('refuses a symlink to /etc/passwd and never reads it', async () => {
    const dir = corpusWith();
    symlinkSync('/etc/passwd', join(dir, 'cases/passwd.md'));
    const r = await load(dir, '.');
    expect(summary(r.problems)).toEqual(['cases/passwd.md:1:1 error: dit is een symbolische link; links in de bronnen worden niet gevolgd']);
    expect(r.sources.cases.map((c) => c.path)).toEqual(['cases/alfa.md', 'cases/bravo.md', 'cases/charlie.md']);
  });

  it('refuses a symlink to a case outside the project, so it is never published', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'kb-outside-'));
    writeFileSync(join(outside, 'geheim.md'), caseFile({ frontmatter: { titel: 'Geheim' } }));
    const dir = corpusWith();
    symlinkSync(join(outside, 'geheim.md'), join(dir, 'cases/geheim.md'));
    symlinkSync(outside, join(dir, 'cases/map.md'));
    const r = await load(dir, '.');
    expect(summary(r.problems)).toEqual([
      'cases/geheim.md:1:1 error: dit is een symbolische link; links in de bronnen worden niet gevolgd',
      'cases/map.md:1:1 error: dit is een symbolische link; links in de bronnen worden niet gevolgd',
    ]);
    expect(r.sources.cases.some((c) => c.text.includes('Geheim'))).toBe(false);
  });

  it('refuses a symlinked folder and a symlinked data file', async () => {
    const outside = corpusWith();
    const dir = corpusWith({}, { withBasicCases: false });
    spawnSync('rm', ['-r', join(dir, 'notes'), join(dir, 'codebook.yml')]);
    symlinkSync(join(outside, 'notes'), join(dir, 'notes'));
    symlinkSync(join(outside, 'codebook.yml'), join(dir, 'codebook.yml'));
    const r = await load(dir, '.');
    expect(summary(r.problems)).toEqual([
      'codebook.yml:1:1 error: dit is een symbolische link; links in de bronnen worden niet gevolgd',
      'notes:1:1 error: dit is een symbolische link; links in de bronnen worden niet gevolgd',
    ]);
    expect(r.sources.notes).toEqual([]);
    expect(r.sources.codebook).toBeNull();
  });

  it('warns about .MD, .markdown and a folder named x.md, and reads none of them', async () => {
    const dir = corpusWith({ 'cases/hoofdletters.MD': caseFile(), 'cases/lang.markdown': caseFile(), 'notes/x.md/binnen.md': caseFile() });
    const r = await load(dir, '.');
    expect(summary(r.problems)).toEqual([
      'cases/hoofdletters.MD:1:1 warning: dit bestand wordt niet gelezen: alleen bestanden die op .md eindigen (kleine letters) tellen mee',
      'cases/lang.markdown:1:1 warning: dit bestand wordt niet gelezen: alleen bestanden die op .md eindigen (kleine letters) tellen mee',
      'notes/x.md:1:1 warning: dit is een map en wordt niet gelezen',
    ]);
    expect(r.problems.map((p) => p.fix)).toEqual(['Hernoem het naar hoofdletters.md.', 'Hernoem het naar lang.md.', 'Zet cases en notities direct in de map, als bestanden die op .md eindigen.']);
    expect(r.sources.cases).toHaveLength(3);
  });

  it('ignores other files without a word (a README, hidden files)', async () => {
    const r = await load(corpusWith({ 'cases/README.txt': 'x', 'cases/.DS_Store': 'x', 'cases/.verborgen.md': 'x' }), '.');
    expect(r.problems).toEqual([]);
    expect(r.sources.cases).toHaveLength(3);
  });

  it('refuses a named pipe instead of waiting on it forever', async () => {
    const dir = corpusWith();
    expect(spawnSync('mkfifo', [join(dir, 'cases/pijp.md')]).status).toBe(0);
    const r = await load(dir, '.');
    expect(summary(r.problems)).toEqual(['cases/pijp.md:1:1 error: dit is geen gewoon bestand']);
  });

  it('does not read a case over the size limit, nor a data file over its limit', async () => {
    const dir = corpusWith({ 'cases/groot.md': caseFile({ body: `## Lessen\n\n${'Proza. '.repeat(3_000_000)}\n` }), 'places.yml': `# ${'x'.repeat(600 * 1024)}\n` });
    const r = await load(dir, '.');
    expect(summary(r.problems)).toEqual(['cases/groot.md:1:1 error: het bestand is 20 MB groot; hoogstens 256 kB', 'places.yml:1:1 error: het bestand is 600 kB groot; hoogstens 512 kB']);
    expect(r.sources.places).toBeNull();
  });

  it('reports a missing data file as missing, and a missing folder not at all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-leeg-'));
    mkdirSync(join(dir, 'cases'));
    const r = await load(dir, '.');
    expect(summary(r.problems)).toEqual(['codebook.yml:1:1 error: dit bestand ontbreekt', 'documents.yml:1:1 error: dit bestand ontbreekt', 'places.yml:1:1 error: dit bestand ontbreekt']);
    expect(r.problems.every((p) => p.ruleId === 'file-missing')).toBe(true);
  });
});
