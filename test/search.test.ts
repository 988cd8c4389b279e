// Search core (site/assets/js/search-core.js), the same module the browser runs: Dutch stemming
// with its fixes, diacritic folding, codebook-synonym and province expansion, the packed index,
// ranking on the real corpus, facets, URL state and snippet marking.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import lunrPlain from 'lunr';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeConfig } from '../pipeline/config.ts';
import { runPipeline } from '../pipeline/build.ts';
import { buildSearch, lunr } from '../pipeline/index/index.ts';
import {
  analyseQuery,
  createEngine,
  fixStem,
  fold,
  loadIndex,
  normaliseWord,
  packIndex,
  parseState,
  search,
  setupLunr,
  snippet,
  stateToQuery,
  stem,
  words,
} from '../site/assets/js/search-core.js';
import { PROJECT_ROOT } from './helpers/corpus.ts';

const s = (w: string) => stem(lunr, w);
/** lunr-languages' Dutch stemmer alone, without the core's fixes. */
const rawNl = (w: string) => (lunr as unknown as { nl: { stemmer: (t: lunr.Token) => lunr.Token } }).nl.stemmer(new lunr.Token(w, {})).toString();

type Engine = ReturnType<typeof createEngine>;

/**
 * A lunr index as plain data independent of term numbering: postings without _index, field
 * vectors as term → score. lunr numbers terms in order of first occurrence, the packed index in
 * sorted order; everything else must be equal.
 */
function canonical(json: ReturnType<lunr.Index['toJSON']>) {
  const j = json as unknown as { invertedIndex: [string, Record<string, unknown> & { _index: number }][]; fieldVectors: [string, number[]][]; fields: string[]; pipeline: string[] };
  const termOf = new Map(j.invertedIndex.map(([t, p]) => [p._index, t]));
  const inverted = Object.fromEntries(j.invertedIndex.map(([t, { _index, ...rest }]) => [t, rest]));
  const vectors = Object.fromEntries(
    j.fieldVectors.map(([ref, v]) => {
      const o: Record<string, number> = {};
      for (let i = 0; i < v.length; i += 2) o[termOf.get(v[i])!] = v[i + 1];
      return [ref, o];
    }),
  );
  return { fields: j.fields, pipeline: j.pipeline, inverted, vectors };
}
type Doc = { id: string; type: string; kind: string; owner: { id: string } | null; themes: string[]; province: string | null };

describe('Dutch stemming', () => {
  it('conflates the inflection pairs that matter in this domain', () => {
    const pairs = [
      ['docent', 'docenten'],
      ['leerling', 'leerlingen'],
      ['knelpunt', 'knelpunten'],
      ['stage', 'stages'],
      ['school', 'scholen'],
      ['opleiding', 'opleidingen'],
      ['keuzedeel', 'keuzedelen'],
      ['keuzevak', 'keuzevakken'],
      ['werkgroep', 'werkgroepen'],
      ['profiel', 'profielen'],
      ['bestuur', 'besturen'],
      ['rooster', 'roosters'],
      ['meeloopdag', 'meeloopdagen'],
    ];
    for (const [a, b] of pairs) expect(s(a), `${a} / ${b}`).toBe(s(b));
  });

  it('fixes the pairs the Dutch stemmer gets wrong (and checks that it does)', () => {
    const fixed = [
      ['stage', 'stages'], // stag / stages: plural -s after -e
      ['route', 'routes'],
      ['leerroute', 'leerroutes'],
      ['challenge', 'challenges'],
      ['locatie', 'locaties'],
      ['subsidie', 'subsidies'],
      ['examen', 'examens'], // exam / examen: plural -ens
      ['regio', "regio's"], // apostrophe plural
      ['cao', "cao's"],
      ['diploma', "diploma's"],
      ['bedrijf', 'bedrijven'], // f/v alternation
      ['les', 'lessen'], // double consonant
      ['gastles', 'gastlessen'],
      ['klas', 'klassen'],
      ['overstap', 'overstappen'],
      ['uitval', 'uitvallen'],
      ['proces', 'processen'],
      ['stageplaats', 'stageplaatsen'], // plaats → plat / plaatsen → plaats
      ['allergie', 'allergieën'], // diaeresis plural
    ];
    for (const [a, b] of fixed) {
      expect(rawNl(fold(a)), `the plain stemmer already conflates ${a} / ${b}`).not.toBe(rawNl(fold(b)));
      expect(s(a), `${a} / ${b}`).toBe(s(b));
    }
  });

  it('keeps words apart that only look alike', () => {
    // singulars in -es are not plurals
    for (const w of ['les', 'gastles', 'proces', 'adres']) expect(normaliseWord(w)).toBe(w);
    expect(s('gastles')).toBe('gastles');
    expect(s('proces')).toBe('proces');
    expect(s('stage')).not.toBe(s('stad'));
    expect(s('docent')).not.toBe(s('docentschap'));
    expect(fixStem('bedrijv')).toBe('bedrijf');
    expect(fixStem('gastless')).toBe('gastles');
  });

  it('drops Dutch stop words', () => {
    for (const w of ['de', 'het', 'een', 'en', 'van', 'voor']) expect(s(w)).toBe('');
  });
});

describe('folding', () => {
  it('folds diacritics and case on both sides', () => {
    expect(fold('Geïntegreerde')).toBe('geintegreerde');
    expect(fold('coöperatie')).toBe('cooperatie');
    expect(fold('crèche')).toBe('creche');
    expect(fold('Fryslân')).toBe('fryslan');
    for (const [a, b] of [
      ['geintegreerde', 'geïntegreerde'],
      ['cooperatie', 'coöperatie'],
      ['creche', 'crèche'],
      ['loopbaanorientatie', 'loopbaanoriëntatie'],
      ['continuiteit', 'continuïteit'],
    ])
      expect(s(a), `${a} / ${b}`).toBe(s(b));
  });

  it('splits words the same way for index and query, keeping Z&W, E&O and digits', () => {
    expect(words("Noord-Brabant, 's-Hertogenbosch, Z&W en vmbo-gl/tl → mbo-4 (0,2 fte)")).toEqual(['noord', 'brabant', 's', 'hertogenbosch', 'z&w', 'en', 'vmbo', 'gl', 'tl', 'mbo', '4', '0', '2', 'fte']);
    expect(words('“Crèche’s”')).toEqual(["creche's"]);
  });
});

/** A small engine built in the test: the index side (Node) and the query side (loadIndex) of the core. */
function miniEngine() {
  const kb = setupLunr(lunr);
  const rows = [
    { ref: '0', title: 'Leerlab Weert', themes: 'th0', province: 'pv0', places: 'Weert', body: 'Een crèche als stageplaats en de coöperatie in de regio.' },
    { ref: '1', title: 'Leerlab Assen', themes: 'th1', province: 'pv1', places: 'Assen', body: 'Loopbaanoriëntatie met meeloopdagen.' },
    { ref: '2', title: '', themes: 'th0', province: '', places: '', body: 'Beroepspraktijkvorming bij een leerbedrijf.' },
  ];
  let builder!: lunr.Builder;
  lunr(function () {
    builder = this;
    this.use(kb as lunr.Builder.Plugin);
    this.ref('ref');
    for (const f of ['title', 'themes', 'province', 'sector', 'places', 'ctx', 'body']) this.field(f);
    for (const r of rows) this.add({ ...r, sector: '', ctx: '' });
  });
  const store = {
    docs: [
      { k: 'c', id: 'weert', t: 'Leerlab Weert', x: rows[0].body, u: '/cases/weert/', th: ['beroepspraktijk'], p: 'limburg' },
      { k: 'c', id: 'assen', t: 'Leerlab Assen', x: rows[1].body, u: '/cases/assen/', th: ['lob'], p: 'drenthe' },
      { k: 'f', ty: 'les', x: rows[2].body, o: 0, a: 'bpv', th: ['beroepspraktijk'] },
    ],
    vocab: {
      themes: [
        { id: 'beroepspraktijk', token: 'th0', label: 'Beroepspraktijk en bedrijven', phrases: ['bpv', 'stage', 'beroepspraktijkvorming', 'beroepspraktijk en bedrijven'] },
        { id: 'lob', token: 'th1', label: 'Loopbaanoriëntatie en -begeleiding (LOB)', phrases: ['lob', 'loopbaanorientatie', 'loopbaanbegeleiding'] },
      ],
      provinces: [
        { id: 'limburg', token: 'pv0', label: 'Limburg', phrases: ['limburg'] },
        { id: 'drenthe', token: 'pv1', label: 'Drenthe', phrases: ['drenthe'] },
        { id: 'friesland', token: 'pv2', label: 'Friesland', phrases: ['friesland', 'fryslan'] },
      ],
      sectors: [],
      routes: {},
    },
  };
  return { builder, engine: createEngine(lunr, JSON.parse(JSON.stringify(packIndex(builder))), store), store };
}

describe('query expansion', () => {
  it('expands codebook synonyms to their theme, on stems (inflections, no diacritics)', () => {
    const { engine } = miniEngine();
    expect(analyseQuery(lunr, 'BPV', engine.vocab).themes).toEqual(['beroepspraktijk']);
    expect(analyseQuery(lunr, 'stages', engine.vocab).themes).toEqual(['beroepspraktijk']);
    expect(analyseQuery(lunr, 'loopbaanoriëntatie', engine.vocab).themes).toEqual(['lob']);
    expect(analyseQuery(lunr, 'LOB', engine.vocab).themes).toEqual(['lob']);
    // a theme adds its one-word synonyms to the text search: BPV ↔ stage, LOB ↔ loopbaanoriëntatie
    const bpv = analyseQuery(lunr, 'BPV', engine.vocab).groups[0];
    expect(bpv.expand).toEqual(expect.arrayContaining([s('stage'), s('beroepspraktijkvorming')]));
    expect(search(engine, 'BPV').hits.map((d: Doc) => d.id)).toEqual(expect.arrayContaining(['weert#bpv', 'weert']));
    expect(search(engine, 'LOB').hits.map((d: Doc) => d.id)).toEqual(['assen']);
  });

  it('expands province names, also where the text names only the town', () => {
    const { engine } = miniEngine();
    expect(analyseQuery(lunr, 'Limburg', engine.vocab).provinces).toEqual(['limburg']);
    expect(analyseQuery(lunr, 'Fryslân', engine.vocab).provinces).toEqual(['friesland']);
    expect(search(engine, 'Limburg').hits.map((d: Doc) => d.id)).toEqual(['weert']);
    expect(search(engine, 'drenthe').hits.map((d: Doc) => d.id)).toEqual(['assen']);
    expect(search(engine, 'Assen').hits.map((d: Doc) => d.id)).toEqual(['assen']);
    expect(search(engine, 'Zeeland').hits).toEqual([]);
  });

  it('folds on index and query side: creche finds crèche, cooperatie finds coöperatie', () => {
    const { engine } = miniEngine();
    expect(search(engine, 'creche').hits.map((d: Doc) => d.id)).toEqual(['weert']);
    expect(search(engine, 'coöperatie').hits.map((d: Doc) => d.id)).toEqual(['weert']);
    expect(search(engine, 'cooperatie').hits.map((d: Doc) => d.id)).toEqual(['weert']);
    expect(search(engine, 'loopbaanorientatie').hits.map((d: Doc) => d.id)).toEqual(['assen']);
  });

  it('matches prefixes while typing and compounds', () => {
    const { engine } = miniEngine();
    expect(search(engine, 'meeloo').hits.map((d: Doc) => d.id)).toEqual(['assen']);
    expect(search(engine, 'stage').hits.map((d: Doc) => d.id)[0]).toBe('weert'); // stageplaats
  });

  it('loads the packed index into the same lunr index the build made', () => {
    const { builder } = miniEngine();
    const original = canonical(builder.build().toJSON());
    const loaded = canonical(loadIndex(lunr, JSON.parse(JSON.stringify(packIndex(builder)))).toJSON());
    expect(loaded).toEqual(original);
    expect(Object.keys(loaded.vectors).length).toBe(3 * 7);
  });
});

describe('on the real corpus', () => {
  let engine: Engine;
  let packed: object;
  let built: ReturnType<typeof buildSearch>;
  beforeAll(async () => {
    const r = await runPipeline(makeConfig(PROJECT_ROOT));
    expect(r.ok).toBe(true);
    built = buildSearch(r.graph!);
    packed = JSON.parse(JSON.stringify(r.search!.index));
    engine = createEngine(lunr, packed, JSON.parse(JSON.stringify({ docs: r.search!.docs, vocab: r.search!.vocab })));
  });
  const ids = (q: string, f = {}) => search(engine, q, f).hits.map((d: Doc) => d.id);

  it('loads the shipped index identical to the one built in Node', () => {
    const a = canonical(loadIndex(lunr, packed).toJSON());
    const b = canonical(built.index.toJSON());
    expect(a.pipeline).toEqual(['kb-fold', 'kb-stemmer']);
    expect(a.fields).toEqual(b.fields);
    expect(Object.keys(a.inverted)).toEqual(Object.keys(b.inverted));
    const diff = Object.keys(b.vectors).filter((k) => JSON.stringify(Object.entries(a.vectors[k] ?? {}).sort()) !== JSON.stringify(Object.entries(b.vectors[k]).sort()));
    expect(diff).toEqual([]);
    const diffInv = Object.keys(b.inverted).filter((t) => JSON.stringify(a.inverted[t]) !== JSON.stringify(b.inverted[t]));
    expect(diffInv).toEqual([]);
    // and the packed format is a fraction of lunr's own JSON
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(built.index.toJSON()).length / 2);
  });

  it('indexes every case, note and finding, and links findings to their anchor', () => {
    expect(engine.docs.filter((d: Doc) => d.kind === 'c').length).toBeGreaterThanOrEqual(13);
    const f = engine.docs.find((d: Doc) => d.id === 'amsterdam-ijburg#supercoach');
    expect(f.url).toBe('/cases/amsterdam-ijburg/#supercoach');
    expect(f.province).toBe('noord-holland');
    expect(f.owner.id).toBe('amsterdam-ijburg');
  });

  it('finds a case by its town and the cases of a province', () => {
    expect(ids('Weert')[0]).toBe('weert');
    expect(ids('Den Bosch').slice(0, 2)).toContain('s-hertogenbosch');
    expect(ids('Noord-Brabant').slice(0, 3).sort()).toEqual(['helmond', 's-hertogenbosch', 'west-brabant']);
    expect(ids('Brabant').slice(0, 3).sort()).toEqual(['helmond', 's-hertogenbosch', 'west-brabant']);
    expect(ids('Gelderland')[0]).toBe('noord-west-veluwe');
  });

  it('finds through synonyms, compounds and inflections, and nothing for unknown words', () => {
    expect(ids('BPV')[0]).toBe('wet-doorlopende-leerroutes#examens-en-bpv');
    expect(ids('loopbaanorientatie').slice(0, 5).some((id: string) => id.startsWith('amsterdam-ijburg'))).toBe(true);
    expect(ids('samenwerken met een horecabedrijf').slice(0, 3).some((id: string) => id.startsWith('gorinchem'))).toBe(true);
    expect(ids('allergieën')).toContain('west-brabant');
    expect(ids('gastl').slice(0, 5).every((id: string) => /gastl|uitwissel|faciliteren|opbouwen/.test(id))).toBe(true);
    for (const q of ['kernfusie', 'Zeeland', 'voetbalstadion Maastricht', 'xyzzy']) expect(ids(q), q).toEqual([]);
  });

  it('filters by facets and counts per facet follow the query', () => {
    const all = search(engine, 'stage');
    const succes = search(engine, 'stage', { type: ['succesfactor'] });
    expect(succes.hits.length).toBeLessThan(all.hits.length);
    expect(succes.hits.every((d: Doc) => d.type === 'succesfactor')).toBe(true);
    const typeCounts = Object.fromEntries(succes.facets.type);
    // the filtered facet keeps the counts of the other values (choose another type)
    expect(typeCounts.succesfactor).toBe(succes.hits.length);
    expect(typeCounts.knelpunt).toBe(Object.fromEntries(all.facets.type).knelpunt);
    // other facets count within the filtered hits
    const themeSum = Object.fromEntries(succes.facets.thema);
    for (const [t, n] of Object.entries(themeSum)) expect(n).toBe(succes.hits.filter((d: Doc) => d.themes.includes(t)).length);
    // another query, other counts
    expect(Object.fromEntries(search(engine, 'LOB').facets.thema).lob).not.toBe(Object.fromEntries(all.facets.thema).lob);
    // facets without a query list everything that matches them
    const lob = search(engine, '', { thema: ['lob'] });
    expect(lob.hits.length).toBeGreaterThan(5);
    expect(lob.hits.every((d: Doc) => d.themes.includes('lob'))).toBe(true);
  });
});

describe('URL state', () => {
  it('round-trips query and filters, in a fixed order', () => {
    const st = parseState('?thema=lob&q=stage+Weert&type=knelpunt&thema=borging&onbekend=x');
    expect(st).toEqual({ q: 'stage Weert', filters: { type: ['knelpunt'], thema: ['lob', 'borging'] } });
    expect(stateToQuery(st)).toBe('?q=stage+Weert&type=knelpunt&thema=lob&thema=borging');
    expect(stateToQuery({ q: ' ', filters: {} })).toBe('');
  });
});

describe('snippets', () => {
  it('marks hits folded and stemmed, around the first hit', () => {
    const parts = snippet(lunr, 'Vmbo-docenten vinden het soms spannend om in een geïntegreerde leerroute het PTA los te laten; stages helpen.', ['geintegreerde', 'stage']);
    expect(parts.filter((p: { hit: boolean }) => p.hit).map((p: { text: string }) => p.text)).toEqual(['geïntegreerde', 'stages']);
    expect(parts.map((p: { text: string }) => p.text).join('')).toContain('geïntegreerde leerroute');
    const long = `${'aanloop '.repeat(60)}de supercoach helpt ${'uitloop '.repeat(60)}`;
    const cut = snippet(lunr, long, ['supercoach']);
    expect(cut[0].text).toBe('… ');
    expect(cut[cut.length - 1].text).toBe(' …');
    expect(cut.some((p: { hit: boolean; text: string }) => p.hit && p.text === 'supercoach')).toBe(true);
    // the synonyms a query expanded to are marked too (LOB for "loopbaanoriëntatie")
    const syn = snippet(lunr, 'LOB wordt nog te vaak los aangeboden.', ['loopbaanorientatie'], 90, [s('lob')]);
    expect(syn.filter((p: { hit: boolean }) => p.hit).map((p: { text: string }) => p.text)).toEqual(['LOB']);
    // without hits: the start of the text, nothing marked
    expect(snippet(lunr, 'Korte tekst.', ['xyz'])).toEqual([{ text: 'Korte tekst.', hit: false }]);
  });

  it('is rendered with textContent only', () => {
    const js = readFileSync(join(PROJECT_ROOT, 'site/assets/js/search.js'), 'utf8');
    expect(js).not.toMatch(/\.innerHTML\s*[+]?=|\.outerHTML|insertAdjacentHTML|document\.write/);
    expect(js).toMatch(/textContent/);
  });
});

describe('default lunr for comparison', () => {
  it('is really the plain English pipeline (no folding, no Dutch stemming)', () => {
    const idx = lunrPlain(function () {
      this.ref('id');
      this.field('body');
      this.add({ id: '1', body: 'geïntegreerde leerroute met leerlingen' });
    });
    expect(idx.search('geintegreerde')).toEqual([]);
    expect(idx.search('leerling')).toEqual([]);
  });
});
