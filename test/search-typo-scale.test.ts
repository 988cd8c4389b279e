// Typing errors at scale (search/core/typo.ts): a large index has many fine shards, and the Bloom
// filter of its words lets through several candidates of a typed word, most of them false
// positives. The corrector may fetch only a few shards: the filter of the most frequent words
// (the second filter of each word-filter piece) tells which hold a likely word. Reproduced here with a synthetic filter, without
// building 10 000 cases.
import { describe, expect, it } from 'vitest';
import { Bloom } from '../search/core/bloom.ts';
import { correctWord, editCandidates, TYPO_SHARDS, type TypoIndex } from '../search/core/typo.ts';
import { nodeAnalyzer } from '../search/node.ts';

describe('at scale: many words near the typed one pass the Bloom filter', () => {
  // What happened at 10 000 generated cases (1 616 shards, a filter of 24 000 words at 1 % false
  // positives): of the candidates of "samenwerkng", eight passed the filter, five of them in the
  // typed word's own shard and one in each of four other shards — three false positives and
  // "samenwerking". Fetched were the two shards with the most candidates, ties by shard order:
  // both held false positives. Here the same situation without building such an index: a filter of
  // many words, and near words of the typed one that pass it (as false positives do) in shards of
  // their own, before the right word's shard.
  const analyzer = nodeAnalyzer();
  const typed = 'samenwerkng';
  const right = analyzer.stemFolded('samenwerking');
  const rng = (seed: number) => () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const r = rng(16);
  const filler = Array.from({ length: 20_000 }, () => Array.from({ length: 5 + Math.floor(r() * 8) }, () => 'abcdefghijklmnoprstuvwz'[Math.floor(r() * 23)]).join(''));
  // near words: candidates with two letters swapped, a letter dropped or a wrong one, with a stem
  // before the right one
  const near = [...new Set(editCandidates(typed).filter((c) => c.length >= typed.length).map((c) => analyzer.stemFolded(c)))].filter((k) => k < right && /^sa/.test(k)).slice(0, 12);
  const own = analyzer.stemFolded(typed);
  const keys = [...new Set([...filler, ...near, right, own])].sort();
  // fine shards, and one of its own for each near word, for the right word alone and for the typed one
  const starts = keys.filter((k, i) => i % 15 === 0 || near.includes(k) || k === right || keys[i - 1] === right || k === own);
  const shardOf = (k: string) => starts.filter((s) => s <= k).length - 1;
  const words = Bloom.create(keys, keys.length);
  // the most frequent words: the right one among them, the near ones not (they are in no text)
  const frequent = [right, ...filler.slice(0, 2_500)];
  const common = Bloom.create(frequent, frequent.length, 10, 1);
  const indexOf = (withHint: boolean) => {
    const loaded = new Set([shardOf(analyzer.stemFolded(typed))]);
    const fetched: number[] = [];
    const index: TypoIndex = {
      stem: (w) => analyzer.stemFolded(w),
      mayHave: (k) => words.has(k),
      ...(withHint ? { common: (k: string) => common.has(k) } : {}),
      shardOf,
      loaded: (s) => loaded.has(s),
      load: async (ss) => ss.forEach((s) => (loaded.add(s), fetched.push(s))),
      units: (stem) => (stem === right && loaded.has(shardOf(stem)) ? 3523 : 0),
      concept: () => 0,
    };
    return { index, fetched };
  };

  it('is the situation: near words pass the filter, each in a shard of its own before the right one', () => {
    expect(near.length).toBeGreaterThanOrEqual(10);
    expect(near.every((k) => words.has(k) && shardOf(k) < shardOf(right))).toBe(true);
    expect(shardOf(own)).not.toBe(shardOf(right));
    expect(new Set(near.map(shardOf)).size).toBe(near.length);
  });

  it('fetches the shard of the likely common word first, and only that one', async () => {
    const { index, fetched } = indexOf(true);
    expect(await correctWord(typed, index)).toEqual({ from: typed, to: 'samenwerking', units: 3523 });
    expect(fetched).toEqual([shardOf(right)]);
  });

  it('without the hint (a word filter alone, as before) the right word is missed: the fault reproduced', async () => {
    const { index, fetched } = indexOf(false);
    expect(await correctWord(typed, index)).toBeNull();
    expect(fetched).toHaveLength(TYPO_SHARDS);
    expect(fetched).not.toContain(shardOf(right));
  });

  it('a word-filter piece holds both filters; a reader of the first ignores the second', () => {
    const file = words.encode(common);
    expect(Bloom.decode(file).bits).toEqual(words.bits);
    const [a, b] = Bloom.decodeAll(file);
    expect(a.has(right) && b.has(right)).toBe(true);
    expect(b.salt).toBe(1);
    expect(Bloom.decodeAll(words.encode())).toHaveLength(1);
    // the second filter's false positives are independent of the first's
    const both = near.filter((k) => b.has(k)).length;
    expect(both).toBeLessThanOrEqual(1);
  });
});
