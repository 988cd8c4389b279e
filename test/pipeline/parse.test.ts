// The parse stage: one remark parse per file; findings, ids, attributes and HTML from that tree.
import { describe, expect, it } from 'vitest';
import { deriveId, headingType, parseEntry } from '../../pipeline/parse/index.ts';

const file = (body: string) => ({ path: 'cases/x.md', text: `---\ntitel: X\n---\n\n${body}` });

describe('parse', () => {
  it('should read findings under typed headings and leave other sections as prose', () => {
    const e = parseEntry(
      file('## Over dit leerlab\n\nProza.\n\n## Knelpunten\n\n- Een. {id: een; thema: lob, vervoer-en-afstand; sectie: Hoofdstuk 2}\n\n## Succesfactoren\n\n### Curriculum\n\n- Twee. {thema: lob}\n\n## Nawoord\n\nMeer proza.\n'),
      'cases',
    );
    expect(e.problems).toEqual([]);
    expect(e.findings.map((f) => [f.type, f.localId, f.text, f.themes, f.sectie, f.group])).toEqual([
      ['knelpunt', 'een', 'Een.', ['lob', 'vervoer-en-afstand'], 'Hoofdstuk 2', null],
      ['succesfactor', 'sf-twee', 'Twee.', ['lob'], undefined, 'Curriculum'],
    ]);
    expect(e.proseHtml).toBe('<h2>Over dit leerlab</h2>\n<p>Proza.</p>\n<h2>Nawoord</h2>\n<p>Meer proza.</p>');
    expect(e.proseText).toBe('Over dit leerlab Proza. Nawoord Meer proza.');
  });

  it('should recognise heading variants of each finding type', () => {
    expect(headingType('Knelpunten')).toBe('knelpunt');
    expect(headingType('Succesfactoren:')).toBe('succesfactor');
    expect(headingType('Rode draden')).toBe('rode-draad');
    expect(headingType('Lessen')).toBe('les');
    expect(headingType('Aanbevelingen')).toBe('les');
    expect(headingType('Over dit leerlab')).toBeUndefined();
  });

  it('should derive ids from type and first six words, untouched by edits to other findings', () => {
    expect(deriveId('knelpunt', 'De bus naar het ROC doet er een half uur over.')).toBe('kp-de-bus-naar-het-roc-doet');
    expect(deriveId('les', "Begin klein in 's-Hertogenbosch én Geïntegreerd")).toBe('les-begin-klein-in-s-hertogenbosch-en');
    const before = parseEntry(file('## Knelpunten\n\n- Eerste punt hier. {thema: lob}\n- Tweede punt daar. {thema: lob}\n'), 'cases');
    const after = parseEntry(file('## Knelpunten\n\n- Nieuw punt ertussen. {thema: lob}\n- Eerste punt hier, herschreven. {thema: lob}\n- Tweede punt daar. {thema: lob}\n'), 'cases');
    expect(before.findings[1].localId).toBe('kp-tweede-punt-daar');
    expect(after.findings[2].localId).toBe('kp-tweede-punt-daar');
  });

  it('should strip the attribute block from text and HTML and keep inline markup', () => {
    const e = parseEntry(file('## Lessen\n\n- Begin **klein** met [LOB](/themas/lob/). {thema: lob}\n'), 'cases');
    expect(e.findings[0].text).toBe('Begin klein met LOB.');
    expect(e.findings[0].html).toBe('<p>Begin <strong>klein</strong> met <a href="/themas/lob/">LOB</a>.</p>');
  });

  it('should report an unknown attribute key with a suggestion', () => {
    const e = parseEntry(file('## Lessen\n\n- Tekst. {thma: lob}\n'), 'cases');
    expect(e.problems).toEqual([expect.objectContaining({ ruleId: 'finding-attributes', line: 7, column: 11, message: 'onbekend kenmerk "thma" — bedoel je "thema"?' })]);
  });

  it('should report a malformed explicit id and fall back to its slug', () => {
    const e = parseEntry(file('## Lessen\n\n- Tekst. {id: Mijn Id; thema: lob}\n'), 'cases');
    expect(e.problems).toEqual([expect.objectContaining({ ruleId: 'invalid-id', line: 7, column: 11 })]);
    expect(e.findings[0].localId).toBe('mijn-id');
  });
});
