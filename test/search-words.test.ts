// The word filters in pieces by first letter (search/core/bloom.ts wordPieces, WordFilters;
// written by pipeline/index/files.ts as `w/<i>.bin`): how words are grouped, the format's round
// trip, and the engine fetching only the pieces of the letters a query looks up — with the same
// answers as with all pieces loaded.
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { Bloom, WordFilters, wordPieces } from '../search/core/bloom.ts';
import { decompound } from '../search/core/compounds.ts';
import { decodeShard } from '../search/core/format.ts';
import type { Graph } from '../pipeline/link/index.ts';
import type { SearchMeta } from '../search/core/types.ts';
import { engineFor, graphOf, indexFilesOf } from './helpers/search.ts';

const words = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i.toString(36)}woord`);

describe('pieces by first letter', () => {
  it('joins neighbouring letters up to about the piece size; a large letter is a piece of its own; none tiny', () => {
    const all = [...words('a', 40), ...words('b', 30), ...words('c', 250), ...words('d', 10), ...words('e', 60), ...words('f', 5), ...words('9', 3)];
    const { starts, words: pieces } = wordPieces(all, 100);
    expect(starts).toEqual(['9', 'c', 'd']);
    expect(pieces.map((p) => p.length)).toEqual([73, 250, 75]);
    // every word is in the piece its first letter maps to, once
    const filters = new WordFilters(starts, async () => new Uint8Array());
    pieces.forEach((p, i) => expect(p.every((w) => filters.pieceOf(w) === i)).toBe(true));
    expect(pieces.flat().sort()).toEqual([...all].sort());
  });

  it('few words are one piece; no words, none', () => {
    expect(wordPieces(['xwoord', 'bwoord', 'bwerk'], 100)).toEqual({ starts: ['b'], words: [['bwoord', 'bwerk', 'xwoord']] });
    expect(wordPieces([], 100)).toEqual({ starts: [], words: [] });
    const none = new WordFilters([], async () => new Uint8Array());
    expect(none.pieceOf('woord')).toBe(-1);
    expect(none.loaded('woord')).toBe(true);
    expect(none.has('woord')).toBe(false);
  });

  it('resolve: fetches the pieces of the keys looked up, and answers as one filter of all words does', async () => {
    const known = ['rooster', 'problem', 'horeca', 'bedrijf', 'bezoek', 'pro', 'ster'];
    const all = [...known, ...words('k', 5), ...words('t', 5)];
    const { starts, words: pieces } = wordPieces(all, 3);
    expect(starts).toEqual(['b', 'k', 'p', 's']); // b+h, k, p+r, s+t
    const one = Bloom.create(all, all.length);
    const stem = (w: string) => w.replace(/en$/, '');
    // decompound looks a head up only after a known modifier: "roosterproblemen" needs p+r, not s
    // ("ster"); "bedrijfsbezoek" also s, for "sbezoek" after "bedrijf"
    for (const [w, letters] of [['roosterproblemen', 'p'], ['horecabedrijf', 'b'], ['bedrijfsbezoek', 'bs'], ['kernfusie', 'k']] as const) {
      const fetched: number[] = [];
      const filters = new WordFilters(starts, async (i) => (fetched.push(i), Bloom.create(pieces[i], pieces[i].length).encode()));
      expect(await filters.resolve((has) => decompound(w, has, stem)), w).toEqual(decompound(w, (k) => one.has(k), stem));
      expect(fetched.map((i) => starts[i]).join(''), w).toBe(letters);
    }
  });
});

describe('on the real corpus', () => {
  let graph: Graph;
  let files: Map<string, Uint8Array>;
  let fine: Map<string, Uint8Array>;
  const gz = (b: Uint8Array) => (b[0] === 0x1f && b[1] === 0x8b ? new Uint8Array(gunzipSync(b)) : b);
  const metaOf = (f: Map<string, Uint8Array>): SearchMeta => JSON.parse(new TextDecoder().decode(gz(f.get('meta.json')!)));
  beforeAll(async () => {
    graph = await graphOf();
    files = indexFilesOf(graph);
    // pieces of 300 words: as a large index has them (the real corpus has one piece of PIECE_WORDS)
    fine = indexFilesOf(graph, [], { pieceWords: 300 });
  });

  it('writes one file per piece, named in meta.json, each two filters that hold its words (round trip)', async () => {
    expect(metaOf(files).words).toHaveLength(1);
    const meta = metaOf(fine);
    expect(meta.words.length).toBeGreaterThan(5);
    expect([...fine.keys()].filter((p) => p.startsWith('w/')).sort()).toEqual(meta.words.map((_, i) => `w/${i}.bin`).sort());
    const whole = Bloom.decodeAll(gz(files.get('w/0.bin')!));
    expect(whole).toHaveLength(2);
    expect(whole[1].salt).toBe(1);
    // every index word is in its piece (no false negatives), the most frequent eighth in its second filter
    const filters = new WordFilters(meta.words, async (i) => gz(fine.get(`w/${i}.bin`)!));
    await filters.load(meta.words);
    const terms = meta.shards.flatMap((_, i) => decodeShard(gz(fine.get(`t/${i}.bin`)!))).filter((e) => !e.key.startsWith('~'));
    terms.sort((a, b) => b.df - a.df || (a.key < b.key ? -1 : 1));
    expect(terms.length).toBeGreaterThan(2000);
    expect(terms.filter((t) => !filters.has(t.key))).toEqual([]);
    expect(terms.slice(0, Math.ceil(terms.length / 8)).filter((t) => !filters.common(t.key))).toEqual([]);
    // few false positives: about 1 % of non-words pass the first filter
    const keys = new Set(terms.map((t) => t.key));
    const non = Array.from({ length: 2000 }, (_, i) => `${'abcdefghijklmnopqrstuvwxyz'[i % 26]}q${(i * 7919).toString(36)}x${i}`).filter((k) => !keys.has(k));
    expect(non.filter((k) => filters.has(k)).length).toBeLessThan(non.length * 0.03);
    for (const i of meta.words.keys()) expect(Bloom.decodeAll(gz(fine.get(`w/${i}.bin`)!)).map((b) => b.salt)).toEqual([0, 1]);
  });

  it('fetches only the piece of a mistyped word’s first letter', async () => {
    const e = await engineFor(graph, fine);
    const r = await e.search({ q: 'stgae leerroute', filters: {} });
    expect(r.correction?.words).toEqual([['stgae', 'stage']]);
    expect(e.requests.filter((p) => p.startsWith('w/'))).toEqual([`w/${e.words.pieceOf('s')}.bin`]);
    // a query of known words fetches no piece; a second typo of the same letter none more
    const known = await engineFor(graph, fine);
    await known.search({ q: 'stage leerroute', filters: {} });
    expect(known.requests.filter((p) => p.startsWith('w/'))).toEqual([]);
    await e.search({ q: 'sategs', filters: {} });
    expect(e.requests.filter((p) => p.startsWith('w/'))).toHaveLength(1);
  });

  it('for a long unknown word: the pieces of its first letter and of heads after a known modifier, not all', async () => {
    const e = await engineFor(graph, fine);
    const word = 'procesbegleiding';
    await e.search({ q: word, filters: {} });
    const pieces = e.requests.filter((p) => p.startsWith('w/'));
    const letters = new Set([...word].map((l) => `w/${e.words.pieceOf(l)}.bin`));
    expect(pieces[0]).toBe(`w/${e.words.pieceOf('p')}.bin`);
    expect(pieces.every((p) => letters.has(p))).toBe(true);
    expect(pieces.length).toBeLessThan(letters.size);
    expect(new Set(pieces).size).toBe(pieces.length);
  });

  it('answers as with all pieces loaded: corrections, other forms, unknown compounds', async () => {
    const lazy = await engineFor(graph, fine);
    const all = await engineFor(graph, fine);
    await all.words.load(metaOf(fine).words);
    for (const q of ['procesbegleiding', 'loopbaanorientatei', 'doorlopnde leerroute', 'samenwerkng bestuur', 'roosterprobelmen', 'roosterproblemen', 'begeleider', 'stgae', 'horecabedrijf', 'docentenstage', 'kernfusie']) {
      const [a, b] = [await all.search({ q, filters: {} }), await lazy.search({ q, filters: {} })];
      expect(b.correction, q).toEqual(a.correction);
      expect(b.groups.map((g) => [g.id, g.findings.map((f) => f.id)]), q).toEqual(a.groups.map((g) => [g.id, g.findings.map((f) => f.id)]));
    }
    expect(lazy.requests.filter((p) => p.startsWith('w/')).length).toBeLessThan(metaOf(fine).words.length);
  });
});
