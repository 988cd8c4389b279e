// Any document → a model or positioned problems, never a crash.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../pipeline/load/index.ts';
import { parseEntry } from '../../pipeline/parse/index.ts';
import { validate } from '../../pipeline/validate/index.ts';

const fragments = fc.constantFrom(
  '---',
  'titel: X',
  'provincie: limburg',
  'plaatsen: [weert',
  'scholen:\n  vo: []',
  '## Knelpunten',
  '## Succesfactoren',
  '### Groep',
  '- ',
  '- Tekst {thema: lob}',
  '- {id: ; thema: }',
  '{id: a; thema: b; steunt: c#d}',
  '<script>x</script>',
  '[a](javascript:x)',
  ': : :',
  '\t',
  '',
  '\uFEFF',
  '\r\n',
  '*_`',
);

const doc = fc.array(fc.oneof(fragments, fc.string({ maxLength: 30 })), { maxLength: 30 }).map((parts) => parts.join('\n'));

describe('robustness', () => {
  it('should turn any markdown document into findings or positioned problems, never throw', () => {
    fc.assert(
      fc.property(doc, fc.constantFrom('cases' as const, 'notes' as const), (text, collection) => {
        const { file, problem } = decodeSource(`${collection}/x.md`, new TextEncoder().encode(text));
        if (!file) {
          expect(problem).toBeDefined();
          return;
        }
        const parsed = parseEntry(file, collection);
        const { problems } = validate({ entries: [parsed], codebook: null, documents: null, places: null });
        for (const p of [...parsed.problems, ...problems]) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.column).toBeGreaterThanOrEqual(1);
          expect(p.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('should report invalid UTF-8 bytes anywhere with a position, never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const { file, problem } = decodeSource('cases/x.md', bytes);
        expect(Boolean(file) !== Boolean(problem)).toBe(true);
        if (problem) expect(problem.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});
