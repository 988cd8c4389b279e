// Limits on one source file: stated in pipeline/limits.ts, enforced as positioned errors before
// the work they would make expensive, and far above anything the real corpus needs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMIT_GUIDE, LIMITS } from '../../pipeline/limits.ts';
import { nestingOf } from '../../pipeline/parse/limits.ts';
import { parseDataFile, parseEntry } from '../../pipeline/parse/index.ts';
import { RULES } from '../../pipeline/problems.ts';
import { caseFile, PROJECT_ROOT } from '../helpers/corpus.ts';

const entry = (text: string) => parseEntry({ path: 'cases/x.md', text }, 'cases');
const lessen = (items: string) => caseFile({ body: `## Lessen\n\n${items}` });
/** The line of caseFile's first body line (the heading "## Lessen"); its first item is BODY + 2. */
const BODY = 19;

describe('limits on a case or note', () => {
  it('refuses a file over 256 kB without parsing it', () => {
    const e = entry(lessen(`- ${'Proza over niets. '.repeat(16000)}{thema: lob}\n`));
    expect(e.problems).toEqual([expect.objectContaining({ ruleId: 'limit-file-size', line: 1, column: 1, message: 'het bestand is 282 kB groot; hoogstens 256 kB' })]);
    expect(e.bodyParsed).toBe(false);
    expect(e.findings).toEqual([]);
  });

  it('refuses more than 300 findings, at the 301st', () => {
    const e = entry(lessen(Array.from({ length: 350 }, (_, i) => `- Les ${i}. {thema: lob}`).join('\n') + '\n'));
    expect(e.problems).toEqual([expect.objectContaining({ ruleId: 'limit-findings', line: BODY + 2 + 300, column: 1, message: '350 bevindingen in één bestand; hoogstens 300' })]);
  });

  it('refuses a finding of more than 2 000 characters, at the finding', () => {
    const e = entry(lessen(`- Kort. {thema: lob}\n- ${'woord '.repeat(400)}{thema: lob}\n`));
    expect(e.problems).toEqual([expect.objectContaining({ ruleId: 'limit-finding-length', line: BODY + 3, column: 1, message: 'deze bevinding heeft 2 399 tekens; hoogstens 2 000' })]);
  });

  it('refuses lists nested deeper than 10 levels before parsing, at the first line too deep', () => {
    const deep = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n');
    const e = entry(lessen(`${deep} {thema: lob}\n`));
    expect(e.problems).toEqual([expect.objectContaining({ ruleId: 'limit-nesting', line: BODY + 2 + 10, column: 1, message: 'deze regel is 11 niveaus diep genest of ingesprongen; hoogstens 10' })]);
    expect(e.bodyParsed).toBe(false);
  });

  it('refuses block quotes and list markers stacked on one line', () => {
    expect(entry(lessen(`${'> '.repeat(11)}x\n`)).problems).toEqual([expect.objectContaining({ ruleId: 'limit-nesting', line: BODY + 2 })]);
    expect(entry(lessen(`${'- '.repeat(400)}x {thema: lob}\n`)).problems).toEqual([expect.objectContaining({ ruleId: 'limit-nesting', line: BODY + 2 })]);
  });

  it('bounds nesting from markers and indentation, and allows ordinary nesting', () => {
    expect(nestingOf('- Tekst')).toBe(1);
    expect(nestingOf('  - sub')).toBe(2);
    expect(nestingOf('    - sub in vier spaties')).toBe(3);
    expect(nestingOf('> - citaat met lijst')).toBe(3);
    expect(nestingOf('1. genummerd')).toBe(1);
    expect(nestingOf('\t\t- tabs')).toBe(5);
    expect(nestingOf('Gewone tekst - met streepje')).toBe(0);
    const ok = entry(lessen('- Een. {thema: lob}\n  - Genest, niet als bevinding gelezen.\n    - Dieper.\n'));
    expect(ok.problems.filter((p) => p.ruleId.startsWith('limit'))).toEqual([]);
  });

  it('refuses more than 500 list items and quotes before parsing, at the 501st', () => {
    // one-item lists between paragraphs: remark took 5.7 s for 4 000 of them
    const e = entry(lessen(`${Array.from({ length: 2000 }, (_, i) => `- L${i}. {thema: lob}\n\nAlinea.`).join('\n\n')}\n`));
    expect(e.problems).toEqual([expect.objectContaining({ ruleId: 'limit-list-items', line: BODY + 2 + 500 * 4, column: 1, message: 'meer dan 500 lijstitems en citaten (>) in dit bestand' })]);
    expect(e.bodyParsed).toBe(false);
    const quotes = entry(lessen(`${Array.from({ length: 600 }, () => '> Citaat.\n\nAlinea.').join('\n\n')}\n`));
    expect(quotes.problems).toEqual([expect.objectContaining({ ruleId: 'limit-list-items', line: BODY + 2 + 500 * 4 })]);
  });

  it('refuses more than 1 000 markup characters before parsing, where the limit is passed', () => {
    // nested emphasis across lines: remark took 24 s for 4 000 of these and then overflowed the stack
    const e = entry(lessen(`${'**a\n'.repeat(400)}${'b**\n'.repeat(400)}`));
    expect(e.problems).toEqual([expect.objectContaining({ ruleId: 'limit-markup', line: BODY + 2 + 500, column: 2, message: 'meer dan 1 000 opmaaktekens (* _ [ ] ` <) in dit bestand' })]);
    expect(e.bodyParsed).toBe(false);
    const images = entry(lessen(`- ${'[![a'.repeat(400)}${'](b)](c)'.repeat(400)} {thema: lob}\n`));
    expect(images.problems).toEqual([expect.objectContaining({ ruleId: 'limit-markup', line: BODY + 2 })]);
  });

  it('does not count the YAML frontmatter as markup', () => {
    const e = entry(caseFile({ frontmatter: { opleidingen: `[${Array.from({ length: 600 }, (_, i) => `o${i}`).join(', ')}]` } }));
    expect(e.problems.filter((p) => p.ruleId === 'limit-markup')).toEqual([]);
  });

  it('refuses an explicit finding id over 64 characters, at the id', () => {
    const e = entry(lessen(`- Tekst. {id: ${'a'.repeat(265)}; thema: lob}\n`));
    expect(e.problems).toEqual([expect.objectContaining({ ruleId: 'limit-id-length', line: BODY + 2, column: 11, message: 'bevinding-id "aaaaaaaaaaaaaaaaaaaa…" heeft 265 tekens; hoogstens 64' })]);
  });

  it('refuses a data file over 512 kB without parsing it', () => {
    const d = parseDataFile({ path: 'places.yml', text: `# ${'x'.repeat(600 * 1024)}\n` });
    expect(d.problems).toEqual([expect.objectContaining({ ruleId: 'limit-file-size', line: 1, column: 1, message: 'het bestand is 600 kB groot; hoogstens 512 kB' })]);
  });
});

describe('the limits themselves', () => {
  it('are listed for authors, each with a rule that names its value', () => {
    expect(LIMIT_GUIDE.map((l) => l.limit).sort()).toEqual(Object.keys(LIMITS).sort());
    expect(RULES['limit-file-size'].hint).toContain('256 kB');
    expect(RULES['limit-findings'].hint).toContain('300');
    expect(RULES['limit-finding-length'].hint).toContain('2 000');
    expect(RULES['limit-markup'].hint).toContain('1 000');
    expect(RULES['limit-id-length'].hint).toContain('64');
  });

  it('leave every real source file below half of each limit', () => {
    const src = join(PROJECT_ROOT, 'sources');
    for (const collection of ['cases', 'notes'] as const) {
      for (const name of readdirSync(join(src, collection))) {
        const text = readFileSync(join(src, collection, name), 'utf8');
        const e = parseEntry({ path: name, text }, collection);
        expect(Buffer.byteLength(text), name).toBeLessThan(LIMITS.fileBytes / 2);
        expect(e.findings.length, name).toBeLessThan(LIMITS.findingsPerFile / 2);
        for (const f of e.findings) {
          expect(f.text.length, `${name}#${f.localId}`).toBeLessThan(LIMITS.findingChars / 2);
          expect(f.localId.length, `${name}#${f.localId}`).toBeLessThan(LIMITS.idChars / 2 + 8);
        }
        const body = text.replace(/^---[ \t]*\n(?:[^\n]*\n)*?---[ \t]*\n/, '');
        expect((body.match(/[*_[\]`<]/g) ?? []).length, name).toBeLessThan(LIMITS.markupChars / 2);
        expect(Math.max(...body.split('\n').map(nestingOf)), name).toBeLessThan(LIMITS.nesting / 2);
        expect(body.split('\n').filter((l) => /^\s*([-*+>]|\d+[.)])(\s|$)/.test(l)).length, name).toBeLessThan(LIMITS.listItems / 2);
      }
    }
    for (const name of ['codebook.yml', 'documents.yml', 'places.yml']) expect(Buffer.byteLength(readFileSync(join(src, name))), name).toBeLessThan(LIMITS.dataFileBytes / 2);
  });
});
