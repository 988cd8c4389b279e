// No path from a source file to running code: frontmatter in another language than YAML, YAML
// tags and directives, gray-matter's engines and cache, lookups by untrusted keys.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { fenceLanguage } from '../../pipeline/parse/frontmatter.ts';
import { parseDataFile, parseEntry } from '../../pipeline/parse/index.ts';
import { validate } from '../../pipeline/validate/index.ts';
import { caseFile } from '../helpers/corpus.ts';

const markerPath = () => join(mkdtempSync(join(tmpdir(), 'kb-marker-')), 'CODE-RAN');
/** JavaScript that writes `marker` when evaluated (by gray-matter's js engine, say). */
const writes = (marker: string) => `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`;
/** gray-matter's cache is real but missing from its type definitions. */
const gm = matter as typeof matter & { cache: Record<string, unknown>; clearCache(): void };
const entry = (text: string) => parseEntry({ path: 'cases/x.md', text }, 'cases');

describe('frontmatter in another language than YAML', () => {
  for (const fence of ['---js', '--- javascript', '---coffee', '---JSON', '---yaml', '--- toml ']) {
    it(`refuses "${fence}" with a positioned error and never runs it`, () => {
      const marker = markerPath();
      const e = entry(`${fence}\n{ titel: (${writes(marker)}, 'X') }\n---\n\n## Lessen\n\n- Tekst. {thema: lob}\n`);
      expect(existsSync(marker)).toBe(false);
      expect(e.problems).toEqual([
        expect.objectContaining({ ruleId: 'frontmatter-language', file: 'cases/x.md', line: 1, column: 4, severity: 'error', message: `de frontmatter is als "${fence.slice(3).trim()}" gemarkeerd; alleen YAML wordt gelezen` }),
      ]);
      expect(e.frontmatter.data).toBeNull();
    });
  }

  it('reads the language marker the way gray-matter does', () => {
    expect(fenceLanguage('---js\nx')).toBe('js');
    expect(fenceLanguage('--- javascript  \nx')).toBe('javascript');
    expect(fenceLanguage('---js')).toBe('js');
    expect(fenceLanguage('---\ntitel: x\n---\n')).toBe('');
    expect(fenceLanguage('---   \ntitel: x\n---\n')).toBe('');
    expect(fenceLanguage('# kop\n')).toBe('');
  });

  it('neither reads nor fills gray-matter’s module-wide cache', () => {
    const text = caseFile();
    gm.clearCache();
    // a poisoned entry for exactly this text: gray-matter would hand it back on a call without options
    gm.cache[text] = { data: { titel: 'VERGIFTIGD' }, content: '' };
    const e = entry(text);
    expect(e.frontmatter.data?.titel).toBe('Leerlab Test');
    gm.clearCache();
    entry(caseFile({ frontmatter: { titel: 'Ander' } }));
    expect(Object.keys(gm.cache)).toEqual([]);
  });
});

describe('YAML that asks for code or types', () => {
  it('refuses a !!js/function tag at its position', () => {
    const e = entry(caseFile({ frontmatter: { titel: '!!js/function "function () { return 1 }"' } }));
    expect(e.problems).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', line: 2, column: 8, message: 'YAML-tag niet toegestaan: tag:yaml.org,2002:js/function' })]);
    expect(e.frontmatter.data).toBeNull();
  });

  it('refuses local tags, in the frontmatter and in data files', () => {
    expect(entry(caseFile({ frontmatter: { regio: '!shell "rm -rf /"' } })).problems).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', line: 3, column: 8, message: 'YAML-tag niet toegestaan: !shell' })]);
    const d = parseDataFile({ path: 'places.yml', text: '- id: weert\n  naam: !!binary aGVsbG8=\n' });
    expect(d.problems).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', line: 2, column: 9, message: 'YAML-tag niet toegestaan: tag:yaml.org,2002:binary' })]);
    expect(d.data).toBeNull();
  });

  it('refuses a %YAML 1.1 directive, which would switch on binary, dates, sets and merge keys', () => {
    const d = parseDataFile({ path: 'documents.yml', text: '%YAML 1.1\n---\n- id: a\n  jaar: 2001-12-14\n' });
    expect(d.problems).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', line: 1, column: 1, message: 'YAML-directieven (%YAML, %TAG) zijn niet toegestaan' })]);
  });

  it('keeps a __proto__ key as a plain field, without touching any prototype', () => {
    const e = entry(caseFile({ frontmatter: { ['__proto__']: '\n  polluted: ja' } }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const { problems } = validate({ entries: [e], codebook: null, documents: null, places: null });
    expect(problems).toContainEqual(expect.objectContaining({ ruleId: 'field-unknown', line: 18, column: 3, message: expect.stringContaining('onbekend veld "__proto__"') }));
  });
});

describe('lookups by untrusted keys', () => {
  it('treats a heading "Constructor" as prose and an attribute "constructor" as unknown', () => {
    const e = entry(caseFile({ body: '## Constructor\n\n- Geen bevinding.\n\n## Lessen\n\n- Tekst. {constructor: x; thema: lob}\n' }));
    expect(e.findings.map((f) => [f.type, f.text])).toEqual([['les', 'Tekst.']]);
    expect(e.problems).toEqual([expect.objectContaining({ ruleId: 'finding-attributes', line: 25, column: 11, message: 'onbekend kenmerk "constructor"' })]);
    expect(e.proseHtml).toContain('<h2>Constructor</h2>');
  });

  it('accepts only http(s) addresses for a document url', () => {
    const documents = parseDataFile({ path: 'documents.yml', text: '- id: doc-a\n  titel: A\n  uitgever: U\n  jaar: 2023\n  soort: rapport\n  url: "javascript:alert(1)"\n' });
    const { problems } = validate({ entries: [], codebook: null, documents, places: null });
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'field-value', file: 'documents.yml', line: 6, column: 8, message: '"javascript:alert(1)" is geen webadres' })]);
  });
});
