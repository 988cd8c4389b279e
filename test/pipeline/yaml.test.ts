// Every way YAML can fail is a positioned problem, in frontmatter and in data files; nothing throws.
import { describe, expect, it } from 'vitest';
import { check, makeConfig } from '../../pipeline/build.ts';
import { parseDataFile, parseEntry } from '../../pipeline/parse/index.ts';
import { corpusWith } from '../helpers/corpus.ts';
import { ALIAS_BOMB } from '../helpers/hostile.ts';

const entry = (text: string) => parseEntry({ path: 'cases/x.md', text }, 'cases');
const data = (text: string, path = 'codebook.yml') => parseDataFile({ path, text });

describe('YAML errors as positioned problems', () => {
  it('reports an alias bomb in a case at its first alias', () => {
    const e = entry(`---\n${ALIAS_BOMB}---\n`);
    expect(e.problems).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', line: 3, column: 8, message: 'YAML klopt niet: de verwijzingen (*naam) vermenigvuldigen zich tot meer dan 100 kopieën' })]);
  });

  for (const file of ['codebook.yml', 'documents.yml', 'places.yml']) {
    it(`reports an alias bomb in ${file} at its first alias`, () => {
      const d = data(ALIAS_BOMB, file);
      expect(d.data).toBeNull();
      expect(d.problems).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', file, line: 2, column: 8, message: 'YAML klopt niet: de verwijzingen (*naam) vermenigvuldigen zich tot meer dan 100 kopieën' })]);
    });
  }

  it('allows a few aliases to an earlier anchor', () => {
    const d = data('a: &x [1, 2]\nb: *x\nc: *x\n');
    expect(d.problems).toEqual([]);
    expect(d.data).toEqual({ a: [1, 2], b: [1, 2], c: [1, 2] });
  });

  it('reports an unresolved alias *x at the alias', () => {
    expect(entry('---\ntitel: *x\n---\n').problems).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', line: 2, column: 8, message: 'YAML klopt niet: verwijzing "*x" naar een anker dat niet (eerder) bestaat' })]);
    expect(data('- id: a\n  naam: *nergens\n', 'places.yml').problems).toEqual([expect.objectContaining({ line: 2, column: 9, message: 'YAML klopt niet: verwijzing "*nergens" naar een anker dat niet (eerder) bestaat' })]);
  });

  it('reports the property test’s find "---\\n*_`" (an alias at the top, never closed) with a position', () => {
    const e = entry('---\n*_`\n');
    expect(e.problems).toEqual([expect.objectContaining({ ruleId: 'frontmatter-unclosed', line: 2, column: 1, message: 'de frontmatter wordt niet afgesloten' })]);
  });

  it('reports an alias used before its anchor', () => {
    expect(data('a: *later\nb: &later 1\n').problems).toEqual([expect.objectContaining({ line: 1, column: 4, message: 'YAML klopt niet: verwijzing "*later" naar een anker dat niet (eerder) bestaat' })]);
  });

  it('reports a repeated key at its second occurrence, also among many keys', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `k${i}: v`).join('\n');
    const d = data(`${keys}\nk17: w\n`);
    expect(d.problems).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', line: 5001, column: 1, message: 'YAML klopt niet: veld "k17" staat twee keer in hetzelfde blok' })]);
  });

  it('reports YAML nested deeper than the limit, block or flow', () => {
    const block = Array.from({ length: 12 }, (_, i) => `${'  '.repeat(i)}a${i}:`).join('\n') + ' 1\n';
    expect(data(block).problems).toEqual([expect.objectContaining({ ruleId: 'limit-nesting', line: 11, column: 21, message: 'YAML is dieper genest dan 10 niveaus' })]);
    expect(data(`x: ${'['.repeat(20)}${']'.repeat(20)}\n`).problems).toEqual([expect.objectContaining({ ruleId: 'limit-nesting', line: 1, column: 13 })]);
    expect(data(`x: ${'['.repeat(20000)}${']'.repeat(20000)}\n`).problems).toEqual([expect.objectContaining({ ruleId: 'limit-nesting' })]);
  });

  it('points an unclosed flow list at its bracket', () => {
    expect(data('a: [1, 2\nb: 3\n').problems[0]).toMatchObject({ ruleId: 'yaml-syntax', line: 1, column: 4, message: 'de lijst die met [ begint, wordt niet gesloten met ]' });
  });
});
describe('a broken data file through check', () => {
  it('reports the alias bomb in codebook.yml once, with no follow-up "onbekend thema" errors', async () => {
    const r = await check(makeConfig(corpusWith({ 'codebook.yml': ALIAS_BOMB }), { sourcesDir: '.' }));
    expect(r.ok).toBe(false);
    expect(r.problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`)).toEqual(['codebook.yml:2:8 YAML klopt niet: de verwijzingen (*naam) vermenigvuldigen zich tot meer dan 100 kopieën']);
  });
});
