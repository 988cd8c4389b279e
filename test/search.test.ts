// The search engine (search/core), the code the Web Worker runs: results grouped per case or note,
// theme matching (label, synonym, definition words, compound parts, the corpus) and the cards,
// compounds on both sides, facets, the shard loader, the query caps and the URL state read from
// untrusted links.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import lunrPlain from 'lunr';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../pipeline/link/index.ts';
import { readLexicon } from '../pipeline/index/lexicon.ts';
import { Bloom } from '../search/core/bloom.ts';
import type { SearchEngine } from '../search/core/engine.ts';
import { parseState, stateToQuery, URL_LIMITS } from '../search/core/facets.ts';
import { LIMITS } from '../search/core/query.ts';
import { neededKeys } from '../search/core/rank.ts';
import { readQueries, resolveQueries } from '../scripts/search-queries.ts';
import { caseFile, corpusWith, PROJECT_ROOT } from './helpers/corpus.ts';
import { engineFor, flat, graphOf, indexFilesOf } from './helpers/search.ts';

const find = (e: SearchEngine, q: string, filters = {}, limit = 10) => e.search({ q, filters }, limit);
const pages = async (e: SearchEngine, q: string) => (await find(e, q)).groups.map((g) => g.id);

describe('on the real corpus', () => {
  let graph: Graph;
  let engine: SearchEngine;
  beforeAll(async () => {
    graph = await graphOf();
    // with the site's synonym lexicon (search/lexicon/synoniemen.txt)
    engine = await engineFor(graph, indexFilesOf(graph, readLexicon(PROJECT_ROOT).rules));
  });

  it('groups results per case or note, each with at most three findings deep-linked beneath', async () => {
    const r = await find(engine, 'supercoach');
    expect(r.groups[0].id).toBe('amsterdam-ijburg');
    expect(r.groups[0].findings[0]).toMatchObject({ id: 'amsterdam-ijburg#supercoach', url: '/cases/amsterdam-ijburg/#supercoach', typeLabel: 'Les' });
    const broad = await find(engine, 'docenten');
    const ids = broad.groups.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const g of broad.groups) {
      expect(g.findings.length).toBeLessThanOrEqual(3);
      for (const f of [...g.findings, ...g.more]) expect(f.url.startsWith(`${g.url}#`)).toBe(true);
    }
    expect(broad.totalUnits).toBeGreaterThan(broad.groups.reduce((n, g) => n + g.findings.length, 0));
  });

  it('finds a case by its town, and the cases of a province with a card for the province', async () => {
    expect((await pages(engine, 'Weert'))[0]).toBe('weert');
    expect((await pages(engine, 'Den Bosch')).slice(0, 2)).toContain('s-hertogenbosch');
    // an everyday name of a town the corpus does not use (by place, sources/places.yml)
    expect((await pages(engine, 'Gorkum'))[0]).toBe('gorinchem');
    const brabant = await find(engine, 'Noord-Brabant');
    expect(brabant.groups.slice(0, 3).map((g) => g.id).sort()).toEqual(['helmond', 's-hertogenbosch', 'west-brabant']);
    expect(brabant.cards).toContainEqual(expect.objectContaining({ kind: 'provincie', id: 'noord-brabant', url: '/provincies/noord-brabant/', counts: '3 cases' }));
    // an adjective or a region names its province too
    for (const q of ['Gelderse scholen', 'Brabantse leerlabs']) {
      const r = await find(engine, q);
      expect(r.cards.map((c) => c.id), q).toContain(q.startsWith('Gelder') ? 'gelderland' : 'noord-brabant');
    }
    expect((await pages(engine, 'Gelderse scholen')).slice(0, 3)).toContain('noord-west-veluwe');
    // "Brabant" alone also names West-Brabant, which a note mentions
    expect((await pages(engine, 'Brabant')).slice(0, 4)).toEqual(expect.arrayContaining(['helmond', 's-hertogenbosch', 'west-brabant']));
  });

  it('finds a town by its adjective, derived by rule for every place ("Weerter", "Bredase", "Zwolse")', async () => {
    for (const [q, id] of [['weerter vmbo', 'weert'], ['bredase scholen', 'west-brabant'], ['Zwolse leerlingen', 'landstede-pilots'], ['Haarlemmer', 'noord-holland'], ['Bossche scholen', 's-hertogenbosch']]) {
      expect((await pages(engine, q))[0], q).toBe(id);
    }
  });

  it('reads a part of the country as its provinces, and two provinces in one query as either', async () => {
    const south = await pages(engine, 'zuiden van het land');
    expect(south.slice(0, 4).sort()).toEqual(['helmond', 's-hertogenbosch', 'weert', 'west-brabant']);
    // "noorden" is not the "noord" of Noord-Holland or Noord-West Veluwe
    const north = await find(engine, 'leerlabs in het noorden');
    expect(north.groups.slice(0, 2).map((g) => g.id).sort()).toEqual(['noord-drenthe', 'stadskanaal']);
    expect(north.groups.map((g) => g.id)).not.toContain('noord-holland');
    expect(north.cards.map((c) => c.kind)).toContain('provincie');
    const either = await pages(engine, 'brabant en limburg');
    expect(either.slice(0, 4).sort()).toEqual(['helmond', 's-hertogenbosch', 'weert', 'west-brabant']);
  });

  it('finds through synonyms, inflections and diacritics, and nothing for unknown words', async () => {
    expect(flat((await find(engine, 'BPV')).groups)).toContain('wet-doorlopende-leerroutes#examens-en-bpv');
    expect((await pages(engine, 'loopbaanorientatie')).slice(0, 5)).toContain('amsterdam-ijburg');
    expect((await pages(engine, 'geintegreerde leerroute')).slice(0, 3).join(' ')).toMatch(/landstede/);
    expect(flat((await find(engine, 'allergieën')).groups)).toContain('west-brabant');
    for (const q of ['kernfusie', 'Zeeland', 'Utrecht', 'voetbalstadion Maastricht', 'xyzzy']) {
      const r = await find(engine, q);
      expect(r.groups, q).toEqual([]);
      expect(r.cards.filter((c) => c.kind === 'thema'), q).toEqual([]);
    }
  });

  it('splits an unknown word only into parts its shards hold (the word filter has false positives)', async () => {
    // a filter that says yes to every string: "windmolens" would split into "win" + "dmol"
    const files = indexFilesOf(graph);
    const all = new Bloom(new Uint8Array(64).fill(255), 3);
    for (const p of [...files.keys()].filter((k) => k.startsWith('w/'))) files.set(p, new Uint8Array(gzipSync(all.encode())));
    const e = await engineFor(graph, files);
    expect((await find(e, 'windmolens')).groups).toEqual([]);
    // a split into parts the index holds still counts
    expect(flat((await find(engine, 'roosterproblemen')).groups)).toContain('heerhugowaard#randen-van-de-dag');
  });

  it('matches a theme by its label, a synonym, the words of its definition, or a compound part', async () => {
    const theme = async (q: string) => (await find(engine, q)).cards.find((c) => c.kind === 'thema')?.id;
    expect(await theme('rooster en logistiek')).toBe('rooster-en-logistiek');
    expect(await theme('BPV')).toBe('beroepspraktijk');
    expect(await theme('loopbaanoriëntatie')).toBe('lob');
    expect(await theme('rol van de docent in vo en mbo')).toBe('docentrol');
    expect(await theme('roosterproblemen')).toBe('rooster-en-logistiek');
    // and not by a word that only looks like part of one ("Utrecht" ends in "recht")
    expect(await theme('Utrecht')).toBeUndefined();
  });

  it('answers a concept question with the theme card and the theme’s evidence across cases', async () => {
    const r = await find(engine, 'bestuurlijk commitment');
    const card = r.cards.find((c) => c.kind === 'thema')!;
    expect(card).toMatchObject({ id: 'draagvlak', url: '/themas/draagvlak/' });
    expect(card.counts).toMatch(/^\d+ bevindingen in \d+ cases en notities$/);
    const draagvlak = new Set(graph.findings.filter((f) => f.themes.includes('draagvlak')).map((f) => f.id));
    const top5 = r.groups.slice(0, 5);
    // evidence from several pages, not five findings of one note
    expect(top5.filter((g) => g.findings.some((f) => draagvlak.has(f.id))).length).toBeGreaterThanOrEqual(4);
    expect(new Set(top5.map((g) => g.id)).size).toBe(5);
  });

  it('reaches a theme through everyday words the corpus ties to it, not through a single such word', async () => {
    const tagged = (id: string) => new Set(graph.findings.filter((f) => f.themes.includes(id)).map((f) => f.id));
    // "steun" and "bovenaf" are no codebook words of draagvlak; the findings that use them are about it
    const r = await find(engine, 'steun van bovenaf');
    expect(r.cards.find((c) => c.kind === 'thema')?.id).toBe('draagvlak');
    const draagvlak = tagged('draagvlak');
    expect(r.groups.slice(0, 5).filter((g) => g.findings.some((f) => draagvlak.has(f.id))).length).toBeGreaterThanOrEqual(4);
    // one word is looked up as a word: only the codebook (or a synonym of its words in the
    // lexicon, as "steun" is of draagvlak) makes it a theme
    expect((await find(engine, 'bovenaf')).cards.filter((c) => c.kind === 'thema')).toEqual([]);
  });

  it('reads a verb before a pronoun as a verb, not as a sector, and leaves function words out of the theme match', async () => {
    const sectors = (q: string) => engine.analyse(q).concepts.filter((c) => c.list === 'sectors').map((c) => c.id);
    expect(sectors('stages in de zorg')).toEqual(['zorg-welzijn']);
    expect(sectors('hoe zorg je dat het blijft bestaan')).toEqual([]);
    const r = await find(engine, 'hoe zorg je dat het blijft bestaan');
    expect(r.cards.map((c) => c.id)).toEqual(['borging']);
    const borging = new Set(graph.findings.filter((f) => f.themes.includes('borging')).map((f) => f.id));
    expect(r.groups.slice(0, 5).filter((g) => g.findings.some((f) => borging.has(f.id))).length).toBeGreaterThanOrEqual(4);
    // "moeten", "twee" and "keer" are definition words of other themes: the question is about examens
    const themes = (await find(engine, 'moeten leerlingen twee keer examen doen')).cards.filter((c) => c.kind === 'thema');
    expect(themes.map((c) => c.id)).toEqual(['examinering']);
  });

  it('answers a question about two themes with the findings tagged with both first', async () => {
    const both = graph.findings.filter((f) => f.themes.includes('bekostiging') && f.themes.includes('vervoer-en-afstand')).map((f) => f.id);
    expect(both.length).toBeGreaterThanOrEqual(2);
    const r = await find(engine, 'geld voor vervoer');
    for (const g of r.groups.slice(0, 2)) expect(both).toContain(g.findings[0]?.id);
  });

  it('counts facets over the query’s results; a filter keeps the other values of its own facet', async () => {
    const all = await find(engine, 'stage');
    const succes = await find(engine, 'stage', { type: ['succesfactor'] });
    const count = (r: typeof all, key: 'type' | 'thema', v: string) => r.facets[key].find((x) => x[0] === v)?.[2];
    expect(succes.totalUnits).toBe(count(all, 'type', 'succesfactor'));
    expect(count(succes, 'type', 'knelpunt')).toBe(count(all, 'type', 'knelpunt'));
    expect(succes.groups.every((g) => g.findings.every((f) => f.type === 'succesfactor'))).toBe(true);
    expect(count(await find(engine, 'LOB'), 'thema', 'lob')).not.toBe(count(all, 'thema', 'lob'));
    // filters without a query list everything that has them
    const lob = await find(engine, '', { thema: ['lob'] });
    expect(lob.totalUnits).toBe(graph.findings.filter((f) => f.themes.includes('lob')).length + [...graph.cases, ...graph.notes].filter((p) => p.themes.includes('lob')).length);
  });

  it('fetches only the index files a query needs, and nothing twice', async () => {
    const e = await engineFor(graph);
    expect(e.requests).toEqual([]); // meta.json is read by open(), not logged
    await find(e, 'Weert');
    const a = e.analyse('Weert');
    const need = neededKeys(a);
    const shards = new Set([...need.keys, ...need.prefixes].map((k) => `t/${e.shardOf(k)}.bin`));
    const first = [...e.requests];
    expect(first.filter((p) => p.startsWith('t/')).sort()).toEqual([...shards].sort());
    expect(first.filter((p) => p.startsWith('t/')).length).toBeLessThan(e.meta.shards.length);
    const r = await find(e, 'Weert');
    expect(first.filter((p) => p.startsWith('d/')).length).toBe(r.groups.length); // a fragment per group shown
    // the facet table; the theme column too, as it is small here
    expect(first.filter((p) => !/^[td]\//.test(p)).sort()).toEqual(['pages.bin', 'themes.bin']);
    expect(e.meta.themesBytes).toBeLessThanOrEqual(e.eagerThemesBytes);
    expect(e.requests).toEqual(first);
    // ten more queries: each file at most once
    for (const q of ['stage', 'docenten', 'lob', 'rooster', 'Limburg', 'samenwerking bestuur', 'examen', 'leerlingen begeleiding', 'weert', 'ouders betrekken']) await find(e, q);
    expect(new Set(e.requests).size).toBe(e.requests.length);
    expect(e.requests.filter((p) => p.startsWith('t/')).length).toBeLessThan(e.meta.shards.length);
  });

  it('leaves a large theme column for when it is needed: the theme facet asked for, or a theme filter', async () => {
    const files = indexFilesOf(graph);
    const bytes = (e: SearchEngine) => e.requests.reduce((n, p) => n + files.get(p)!.length, 0);
    const large = async () => {
      const e = await engineFor(graph, files);
      e.eagerThemesBytes = 0; // as at 10 000 cases, where themes.bin is about 250 KB
      return e;
    };
    const e = await large();
    const full = await find(engine, 'roosterproblemen');
    const r = await find(e, 'roosterproblemen');
    expect(e.requests).not.toContain('themes.bin');
    const a = e.analyse('roosterproblemen');
    const shards = new Set(e.requests.filter((p) => p.startsWith('t/')));
    expect(e.requests.filter((p) => !/^[td]\//.test(p))).toEqual(['pages.bin', 'w/0.bin']); // an unknown compound: the word filter (one piece here)
    expect(e.requests.filter((p) => p.startsWith('d/')).length).toBe(r.groups.length);
    expect(shards.size).toBeGreaterThanOrEqual(new Set(neededKeys(a).keys.map((k) => e.shardOf(k))).size);
    // the same files as a small index fetches, but for the theme column
    const eager = await engineFor(graph, files);
    await find(eager, 'roosterproblemen');
    expect(eager.requests.filter((p) => p !== 'themes.bin')).toEqual(e.requests);
    expect(bytes(e)).toBe(bytes(eager) - files.get('themes.bin')!.length);
    // the same answer, the theme facet pending
    expect(r.groups).toEqual(full.groups);
    expect(r.cards).toEqual(full.cards);
    expect(r.pending).toEqual(['thema']);
    expect(full.pending).toEqual([]);
    expect(r.facets.thema).toEqual([]);
    expect({ ...r.facets, thema: full.facets.thema }).toEqual(full.facets);
    // asked for: fetched once, counted as with the small index
    const before = bytes(e);
    const t = await e.search({ q: 'roosterproblemen', filters: {} }, 10, { themes: true });
    expect(e.requests.filter((p) => p === 'themes.bin')).toHaveLength(1);
    expect(bytes(e) - before).toBe(files.get('themes.bin')!.length);
    expect(t.facets).toEqual(full.facets);
    expect((await find(e, 'stage')).pending).toEqual([]);
    // a theme filter needs the column: fetched with the query
    const f = await large();
    const filtered = await find(f, 'stage', { thema: ['bpv'] });
    expect(f.requests).toContain('themes.bin');
    expect(filtered.totalUnits).toBe((await find(engine, 'stage', { thema: ['bpv'] })).totalUnits);
    expect(filtered.totalUnits).toBeGreaterThan(0);
  });

  it('has evaluation query sets whose rules still select on this content', () => {
    for (const f of ['test/search-queries.json', 'test/search-queries-heldout.json', 'test/search-queries-heldout-2.json', 'test/search-queries-heldout-3.json', 'test/search-queries-heldout-4.json', 'test/search-queries-heldout-5.json', 'test/search-queries-heldout-6.json']) {
      const qs = resolveQueries(readQueries(join(PROJECT_ROOT, f)), graph);
      expect(qs.filter((q) => q.kind !== 'niets' && !q.expect.length).map((q) => q.q), f).toEqual([]);
    }
  });

  it('cuts a long query to its first words, with a note', async () => {
    const words = Array.from({ length: 30 }, (_, i) => `woord${i}`).join(' ');
    const r = await find(engine, `stage ${words}`);
    expect(r.notes.join(' ')).toMatch(new RegExp(`eerste ${LIMITS.words} woorden`));
    expect(r.q.split(' ').length).toBe(LIMITS.words);
  });

  it('ignores unknown facet values with a note, whatever they are called', async () => {
    for (const v of ['__proto__', 'toString', 'constructor', 'hasOwnProperty']) {
      const r = await find(engine, 'stage', { thema: [v], type: [v] });
      expect(r.filters, v).toEqual({});
      expect(r.notes.join(' '), v).toMatch(/bestaat niet en is genegeerd/);
      expect(r.totalUnits).toBe((await find(engine, 'stage')).totalUnits);
      expect(JSON.stringify(r.facets)).not.toMatch(/function|\[object/);
    }
  });
});

describe('compounds on both sides (small corpus)', () => {
  let engine: SearchEngine;
  beforeAll(async () => {
    const body = [
      '## Knelpunten',
      '',
      '- Docentstages op het mbo bleken lastig te plannen. {id: docentstages; thema: rooster-en-logistiek}',
      '- De leerlingaantallen zijn te klein voor een eigen klas. {id: aantallen; thema: lob}',
      '- Gastlessen van mbo-docenten vielen vaak uit. {id: gastlessen; thema: lob}',
      '',
      '## Succesfactoren',
      '',
      '- Meeloopdagen gaven leerlingen een beeld van het mbo. {id: meeloop; thema: lob}',
      '- De stage-uren zijn samen vastgelegd. {id: stage-uren; thema: beroepspraktijk}',
      '- Een horecabedrijf uit de buurt deed mee. {id: horeca; thema: beroepspraktijk}',
      '- De decanenkring sprak het rooster af. {id: decanen; thema: rooster-en-logistiek}',
      '- Hun beroepshouding groeide in de praktijk. {id: houding; thema: beroepspraktijk}',
      '- Vierdejaars volgden een keuzedeel op het mbo. {id: vierdejaars; thema: beroepspraktijk}',
      '',
    ].join('\n');
    const dir = corpusWith({ 'cases/gamma.md': caseFile({ frontmatter: { titel: 'Leerlab Gamma', sectie: 'Leerlab Gamma' }, body }) });
    engine = await engineFor(await graphOf(dir));
  });

  it.each([
    ['docentenstage', 'gamma#docentstages'], // linking -en-, plural
    ['docentstage', 'gamma#docentstages'],
    ['leerlingenaantallen', 'gamma#aantallen'], // linking -en- added
    ['mbodocenten', 'gamma#gastlessen'], // written as one word, hyphenated in the text
    ['mbo docenten', 'gamma#gastlessen'],
    ['gastles', 'gamma#gastlessen'],
    ['meeloopdag', 'gamma#meeloop'],
    ['stageuren', 'gamma#stage-uren'],
    ['horeca bedrijf', 'gamma#horeca'],
    ['decaan', 'gamma#decanen'], // plural modifier whose vowel the stemmer undoubles
    ['beroeps houding', 'gamma#houding'], // two words joined into a compound the index holds without its linker
    ['4e jaars', 'gamma#vierdejaars'], // an ordinal in digits, joined with the next word
  ])('"%s" finds %s first', async (q, id) => {
    const r = await find(engine, q);
    expect(r.groups[0]?.findings[0]?.id, JSON.stringify(flat(r.groups))).toBe(id);
  });

  it('marks the compound in the snippet', async () => {
    const r = await find(engine, 'docentenstage');
    expect(r.groups[0].findings[0].snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['Docentstages']);
    const m = await find(engine, 'mbodocenten');
    expect(m.groups[0].findings[0].snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['mbo-docenten']);
  });
});

describe('forms of a base word (small corpus)', () => {
  let engine: SearchEngine;
  beforeAll(async () => {
    const body = [
      '## Knelpunten',
      '',
      '- De route is na een jaar geëvalueerd met de teams. {id: geevalueerd; thema: rooster-en-logistiek}',
      '- Een evaluatie met ouders kwam er niet van. {id: evaluatie; thema: rooster-en-logistiek}',
      '- Vakmensen uit de regio gaven les. {id: vakmensen; thema: beroepspraktijk}',
      '',
      '## Succesfactoren',
      '',
      '- Docenten evalueren elke periode samen. {id: evalueren; thema: rooster-en-logistiek}',
      '- Een bezoek aan een ander leerlab heeft het team geïnspireerd. {id: inspiratie; thema: lob}',
      '- Het lukte niet om de lessen samen te roosteren. {id: roosteren; thema: rooster-en-logistiek}',
      '',
    ].join('\n');
    const dir = corpusWith({ 'cases/delta.md': caseFile({ frontmatter: { titel: 'Leerlab Delta', sectie: 'Leerlab Delta' }, body }) });
    engine = await engineFor(await graphOf(dir));
  });

  const ids = (r: Awaited<ReturnType<typeof find>>) => r.groups.flatMap((g) => g.findings.map((f) => f.id));

  it.each([
    ['evalueren', ['delta#evalueren', 'delta#geevalueerd', 'delta#evaluatie']],
    ['geëvalueerd', ['delta#geevalueerd', 'delta#evalueren', 'delta#evaluatie']],
    ['evaluatie', ['delta#evaluatie', 'delta#evalueren', 'delta#geevalueerd']],
  ])('"%s" finds all forms, its own form first', async (q, want) => {
    const r = await find(engine, q);
    expect(ids(r)[0], JSON.stringify(flat(r.groups))).toBe(want[0]);
    expect(new Set(ids(r))).toEqual(new Set(want));
  });

  it('marks the other forms in the snippet', async () => {
    const r = await find(engine, 'geëvalueerd');
    const marked = r.groups.flatMap((g) => g.findings.flatMap((f) => f.snippet.filter((p) => p.hit).map((p) => p.text)));
    expect(marked.sort()).toEqual(['evaluatie', 'evalueren', 'geëvalueerd'].sort());
  });

  it('meets an irregular plural and a participle the index holds only in another form', async () => {
    expect(ids(await find(engine, 'vakman'))).toEqual(['delta#vakmensen']);
    expect(ids(await find(engine, 'inspiratie'))).toEqual(['delta#inspiratie']);
    expect(ids(await find(engine, 'geinspireerd'))).toEqual(['delta#inspiratie']);
  });

  it('meets a participle the index does not hold through its verb, and says no correction', async () => {
    // "geroosterd" (not in the index) finds "roosteren", and the other corpus cases' "rooster(s)"
    const r = await find(engine, 'geroosterd');
    expect(ids(r)).toContain('delta#roosteren');
    expect(r.correction).toBeNull();
    const delta = r.groups.find((g) => g.id === 'delta')!;
    expect(delta.findings[0].snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['roosteren']);
  });
});

describe('URL state', () => {
  it('round-trips query and filters, in a fixed order', () => {
    const { state, notes } = parseState('?thema=lob&q=stage+Weert&type=knelpunt&thema=borging&onbekend=x');
    expect(state).toEqual({ q: 'stage Weert', filters: { type: ['knelpunt'], thema: ['lob', 'borging'] } });
    expect(notes).toEqual([]);
    expect(stateToQuery(state)).toBe('?q=stage+Weert&type=knelpunt&thema=lob&thema=borging');
    expect(stateToQuery({ q: ' ', filters: {} })).toBe('');
  });

  it('reads hostile links as plain values, capped, with notes', () => {
    const proto = parseState('?thema=__proto__&type=toString&q=x');
    expect(proto.state.filters).toEqual({ thema: ['__proto__'], type: ['toString'] });
    expect(Object.getPrototypeOf(proto.state.filters)).toBe(Object.prototype);
    const long = parseState(`?q=${'a'.repeat(10_000)}`);
    expect(long.state.q.length).toBeLessThanOrEqual(LIMITS.chars);
    expect(long.notes.join(' ')).toMatch(/ingekort/);
    const many = parseState(`?${Array.from({ length: 50 }, (_, i) => `thema=t${i}`).join('&')}&sector=${'x'.repeat(500)}`);
    expect(many.state.filters.thema).toHaveLength(URL_LIMITS.valuesPerFacet);
    expect(many.state.filters.sector).toBeUndefined();
    expect(many.notes.length).toBe(2);
  });
});

describe('the page code', () => {
  it('renders with textContent only', () => {
    const dir = join(PROJECT_ROOT, 'search/browser');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const js = readFileSync(join(dir, f), 'utf8');
      expect(js, f).not.toMatch(/\.innerHTML\s*[+]?=|\.outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
    }
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
