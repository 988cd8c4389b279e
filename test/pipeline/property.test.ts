// Any source file → a model or positioned problems, never a throw. Generated documents: random
// frontmatter shapes and types, random markdown, random attribute blocks {…}, random bytes, and
// random data files. `npm test` runs a few hundred cases per property with a fixed seed;
// `npm run fuzz` runs FUZZ_RUNS (default 10 000) with a random seed it prints for replay
// (FUZZ_SEED=… npm run fuzz).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../pipeline/config.ts';
import { casesAtom, casesJson, findingsCsv, findingsJson, threadsJson } from '../../pipeline/emit/index.ts';
import { buildSearchIndex } from '../../pipeline/index/index.ts';
import { link } from '../../pipeline/link/index.ts';
import { decodeSource } from '../../pipeline/load/index.ts';
import { parseDataFile, parseEntry, type ParsedData } from '../../pipeline/parse/index.ts';
import { RULES, type Problem } from '../../pipeline/problems.ts';
import { validate } from '../../pipeline/validate/index.ts';
import { BASIC } from '../helpers/corpus.ts';

const FUZZ = process.env.FUZZ === '1';
const RUNS = Number(process.env.FUZZ_RUNS ?? (FUZZ ? 10_000 : 300));
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : FUZZ ? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0 : 20261130;
if (FUZZ) process.stdout.write(`fuzz: ${RUNS} runs per property, seed ${SEED} (replay: FUZZ_SEED=${SEED} npm run fuzz)\n`);
const params = { seed: SEED, numRuns: RUNS, endOnFailure: true };
/** Generous: a busy machine, and 10 000 runs in fuzz mode. */
const TIMEOUT = FUZZ ? 3_600_000 : 180_000;

const basic = (name: string): ParsedData => parseDataFile({ path: name, text: readFileSync(join(BASIC, name), 'utf8') });
const DATA = { codebook: basic('codebook.yml'), documents: basic('documents.yml'), places: basic('places.yml') };

// ---------------------------------------------------------------- generators

const nasty = fc.constantFrom('', ' ', '*x', '&a', '*_`', '!!js/function "f"', '!foo x', '%YAML 1.1', '{{ 7*7 }}', '{% raw %}', '<script>x</script>', '[a](javascript:x)', ': : :', '#', '"', "'", '\t', '\u0000', '\u2028', '\uFEFF', '𝔘𝔫𝔦', 'e\u0301', '\\', '---', '...', '- ', '? ', '|', '>', '__proto__', 'constructor', 'toString', '=1+1', '@SUM(1)');
const word = fc.oneof(fc.constantFrom('lob', 'beroepspraktijk', 'vervoer-en-afstand', 'rooster-en-logistiek', 'weert', 'doc-a', 'limburg', 'techniek', 'alfa#bus', 'bravo', 'inhoud', 'thema-lob'), fc.string({ maxLength: 12 }), nasty);
const text = fc.array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) }), { maxLength: 8 }).map((ws) => ws.join(' '));

/** Values of any YAML shape and type. */
const yamlValue = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(word, fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 4 }),
  ),
})).value;

const KNOWN_FIELDS = ['titel', 'regio', 'provincie', 'plaatsen', 'scholen', 'sectoren', 'opleidingen', 'routetype', 'niveaus', 'periode', 'bron', 'sectie', 'samenvatting', 'kanttekening', 'afgeleid', 'soort', 'cases'];
const VALID_CASE: Record<string, unknown> = {
  titel: 'Leerlab Test',
  regio: 'Weert',
  provincie: 'limburg',
  plaatsen: ['weert'],
  scholen: { vo: ['School'], mbo: ['ROC'] },
  sectoren: ['techniek'],
  routetype: 'doorlopende-leerroute',
  niveaus: ['vmbo-kb → mbo-3'],
  periode: '2022',
  bron: 'doc-a',
  sectie: 'Test',
  samenvatting: 'Een test.',
  kanttekening: 'Test.',
};

/** Frontmatter text: a valid case with fields changed, random fields, or raw YAML-ish lines. */
const frontmatter = fc.oneof(
  fc.tuple(fc.dictionary(fc.constantFrom(...KNOWN_FIELDS), yamlValue, { maxKeys: 4 }), fc.array(fc.constantFrom(...Object.keys(VALID_CASE)), { maxLength: 3 })).map(([changes, drop]) => {
    const data: Record<string, unknown> = { ...VALID_CASE, ...changes };
    for (const k of drop) delete data[k];
    return YAML.stringify(data);
  }),
  fc.dictionary(fc.oneof(word, fc.constantFrom(...KNOWN_FIELDS)), yamlValue, { maxKeys: 6 }).map((d) => YAML.stringify(d, { defaultStringType: 'PLAIN', collectionStyle: 'any' })),
  fc.array(fc.oneof(text, fc.tuple(fc.constantFrom(...KNOWN_FIELDS), nasty).map(([k, v]) => `${k}: ${v}`), fc.constantFrom('  - x', 'a: &a [1, 2]', 'b: *a', 'c: [*a, *a]', '  vo: []', 'scholen:')), { maxLength: 10 }).map((ls) => `${ls.join('\n')}\n`),
);

/** An attribute block {…}: known and unknown keys, odd values, stray separators and braces. */
const attributes = fc
  .array(
    fc.oneof(
      fc.tuple(fc.constantFrom('id', 'thema', 'themas', 'sectie', 'bron', 'steunt', 'titel', 'constructor', '__proto__', 'Thema'), fc.array(word, { maxLength: 4 })).map(([k, vs]) => `${k}: ${vs.join(', ')}`),
      word,
      fc.constantFrom('', ':', ';', ' : ', '{', '}', 'thema:', 'id: a; id: b'),
    ),
    { maxLength: 5 },
  )
  .map((parts) => `{${parts.join('; ')}}`);

const heading = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.oneof(fc.constantFrom('Knelpunten', 'Succesfactoren', 'Rode draden', 'Lessen', 'Aanbevelingen', 'Over dit leerlab', 'Constructor', '__proto__'), text)).map(([n, t]) => `${'#'.repeat(n)} ${t}`);
const inline = fc.array(fc.oneof(text, fc.constantFrom('**vet**', '_schuin_', '`code`', '[link](/x)', '![b](/y.png)', '<b>x</b>', '\\*', '&amp;', '*', '_', '[', ']', '`', '<')), { maxLength: 6 }).map((xs) => xs.join(' '));
const item = fc.tuple(fc.integer({ min: 0, max: 14 }), fc.constantFrom('- ', '* ', '+ ', '1. ', '> - '), inline, fc.option(attributes)).map(([indent, marker, body, attrs]) => `${' '.repeat(indent)}${marker}${body}${attrs ? ` ${attrs}` : ''}`);
const block = fc.oneof({ weight: 2, arbitrary: heading }, { weight: 4, arbitrary: fc.array(item, { minLength: 1, maxLength: 6 }).map((xs) => xs.join('\n')) }, { weight: 2, arbitrary: inline }, fc.constantFrom('```\ncode {x}\n```', '---', '***', '    ingesprongen code', '<div>html</div>', '> citaat'));
const markdown = fc.array(block, { maxLength: 12 }).map((bs) => bs.join('\n\n'));

/** Mostly well-formed findings, so that many documents pass validation and reach link, index and emit. */
const goodFinding = fc
  .tuple(inline, fc.option(fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/)), fc.subarray(['lob', 'beroepspraktijk', 'vervoer-en-afstand', 'rooster-en-logistiek'], { minLength: 1, maxLength: 4 }), fc.option(fc.constantFrom('; sectie: Elders', '; bron: doc-a')))
  .map(([body, id, themes, extra]) => `- ${body.replace(/[{}]/g, '')} Tekst. {${id ? `id: ${id}; ` : ''}thema: ${themes.join(', ')}${extra ?? ''}}`);
const goodMarkdown = fc
  .array(fc.tuple(fc.constantFrom('## Knelpunten', '## Succesfactoren', '## Lessen', '## Over dit leerlab', '### Groep'), fc.array(fc.oneof({ weight: 9, arbitrary: goodFinding }, { weight: 1, arbitrary: item }), { minLength: 1, maxLength: 5 })), { maxLength: 5 })
  .map((sections) => sections.map(([h, items]) => `${h}\n\n${items.join('\n')}`).join('\n\n'));
const goodFrontmatter = fc.oneof(
  fc.constant({ fm: YAML.stringify(VALID_CASE), collection: 'cases' as const }),
  fc.constant({ fm: YAML.stringify({ titel: 'Notitie', soort: 'synthese', bron: 'doc-a', sectie: 'S', samenvatting: 'S.', cases: [] }), collection: 'notes' as const }),
  fc.tuple(fc.constantFrom('titel', 'regio', 'samenvatting', 'sectie', 'kanttekening'), text).map(([k, v]) => ({ fm: YAML.stringify({ ...VALID_CASE, [k]: v || 'x' }), collection: 'cases' as const })),
);

/** A whole case or note: a fence (mostly `---`), frontmatter, a closing fence (mostly), markdown. */
const wildDocument = fc
  .tuple(fc.constantFrom('---', '---', '---', '---js', '--- javascript', '---yaml', '--- ', '----', ''), frontmatter, fc.constantFrom('---', '---', '---', '', '...', '--- x'), markdown, fc.constantFrom('\n', '\r\n', '\r'), fc.constantFrom('cases' as const, 'notes' as const))
  .map(([open, fm, close, md, eol, collection]) => ({ text: `${open}\n${fm}${close}\n\n${md}\n`.replace(/\n/g, eol), collection }));
const likelyDocument = fc.tuple(goodFrontmatter, goodMarkdown).map(([{ fm, collection }, md]) => ({ text: `---\n${fm}---\n\n${md}\n`, collection }));
const document = fc.oneof(wildDocument, likelyDocument);

// ---------------------------------------------------------------- the property

const lineCount = (s: string) => s.split(/\r\n|\r|\n/).length;

function expectPositioned(problems: readonly Problem[], source: string, file: string): void {
  for (const p of problems) {
    expect(Object.hasOwn(RULES, p.ruleId), p.ruleId).toBe(true);
    expect(p.message.length).toBeGreaterThan(0);
    expect(p.column).toBeGreaterThanOrEqual(1);
    expect(p.line).toBeGreaterThanOrEqual(1);
    if (p.file === file) expect(p.line, `${p.line} > ${lineCount(source)}: ${p.message}`).toBeLessThanOrEqual(lineCount(source) + 1);
  }
}

/** The whole pipeline on one document beside the basic fixture's data; the model goes on to link, index and emit. */
function throughPipeline(bytes: Uint8Array, collection: 'cases' | 'notes'): void {
  const path = `${collection}/x.md`;
  const { file, problem } = decodeSource(path, bytes);
  if (!file) {
    expect(problem).toBeDefined();
    expectPositioned([problem!], new TextDecoder().decode(bytes), path);
    return;
  }
  const parsed = parseEntry(file, collection);
  const { model, problems } = validate({ entries: [parsed], ...DATA });
  expectPositioned([...parsed.problems, ...problems], file.text, path);
  if (problems.some((p) => p.severity === 'error')) return;
  const graph = link(model);
  buildSearchIndex(graph);
  // the emit stage's builders (emitFiles itself also asks git for dates)
  for (const build of [casesJson, findingsJson, findingsCsv, threadsJson]) build(graph);
  casesAtom(graph, { siteUrl: DEFAULT_CONFIG.siteUrl, publisher: {}, datesOf: () => undefined });
}

describe('robustness', () => {
  it('should turn any generated case or note into a model or positioned problems, never throw', () => {
    fc.assert(
      fc.property(document, ({ text, collection }) => throughPipeline(new TextEncoder().encode(text), collection)),
      params,
    );
  }, TIMEOUT);

  it('should handle random bytes, and random bytes after a valid frontmatter, never throw', () => {
    const head = new TextEncoder().encode(`---\n${YAML.stringify(VALID_CASE)}---\n\n## Lessen\n\n- `);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, afterHead) => throughPipeline(afterHead ? new Uint8Array([...head, ...bytes]) : bytes, 'cases')),
      params,
    );
  }, TIMEOUT);

  it('should report invalid UTF-8 bytes anywhere with a position', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const { file, problem } = decodeSource('cases/x.md', bytes);
        expect(Boolean(file) !== Boolean(problem)).toBe(true);
        if (problem) expect(problem.line).toBeLessThanOrEqual(bytes.filter((b) => b === 10).length + 1);
      }),
      params,
    );
  }, TIMEOUT);

  it('should turn any generated codebook, documents or places file into data or positioned problems', () => {
    const dataFile = fc.oneof(
      yamlValue.map((v) => YAML.stringify(v)),
      fc.array(fc.oneof(text, nasty, fc.constantFrom('- id: a', '  naam: x', 'themas:', '  - id: lob', 'domeinen: *d', 'x: &d [1]')), { maxLength: 12 }).map((ls) => ls.join('\n')),
    );
    fc.assert(
      fc.property(dataFile, fc.constantFrom('codebook.yml', 'documents.yml', 'places.yml'), (yaml, name) => {
        const parsed = parseDataFile({ path: name, text: yaml });
        const input = { entries: [], ...DATA, [name.replace('.yml', '')]: parsed };
        const { problems } = validate(input);
        expectPositioned([...parsed.problems, ...problems], yaml, name);
      }),
      params,
    );
  }, TIMEOUT);
});
