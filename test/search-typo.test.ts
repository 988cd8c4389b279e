// Typing errors (search/core/typo.ts and the engine): the candidates one edit away, the choice
// among them (checked against the Bloom filter, verified in a shard, the most findings wins, at
// most a few shards fetched), and on the real corpus: a misspelt query finds what the right
// spelling finds and says what it searched for; an index word is never corrected.
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fold, words as splitWords } from '../search/core/analysis.ts';
import { WordFilters } from '../search/core/bloom.ts';
import { linkerVariants } from '../search/core/compounds.ts';
import type { SearchEngine } from '../search/core/engine.ts';
import { decodeFragment, decodeShard, LIST } from '../search/core/format.ts';
import { exactEntries } from '../search/core/rank.ts';
import type { SearchMeta, ShardEntry } from '../search/core/types.ts';
import { applyCorrections, correctWord, editCandidates, MIN_TYPO_LENGTH, otherFormOf, TYPO_SHARDS, type TypoIndex } from '../search/core/typo.ts';
import { nodeAnalyzer } from '../search/node.ts';
import { engineFor, flat, graphOf, indexFilesOf } from './helpers/search.ts';

describe('candidates one edit away', () => {
  it('swap, drop, change or add one letter, keeping the first letter, without the word itself', () => {
    const c = editCandidates('procesbegleiding');
    expect(c).toContain('procesbegeleiding'); // a letter dropped
    expect(editCandidates('loopbaanorientatei')).toContain('loopbaanorientatie'); // two swapped
    expect(editCandidates('doorlopnde')).toContain('doorlopende');
    expect(editCandidates('samenwerkimg')).toContain('samenwerking'); // a wrong letter
    expect(editCandidates('leerrooute')).toContain('leerroute'); // a letter doubled
    expect(c).not.toContain('procesbegleiding');
    expect(new Set(c).size).toBe(c.length);
    expect(c.every((x) => x.startsWith('p'))).toBe(true);
    // n letters: at most n − 2 swaps, 26n insertions, 25(n − 1) changes, n − 1 deletions
    const n = 'procesbegleiding'.length;
    expect(c.length).toBeLessThanOrEqual(n - 2 + 26 * n + 25 * (n - 1) + n - 1);
    expect(c.length).toBeGreaterThan(50 * n - 100);
    expect(editCandidates('abcdef', 0)).toContain('bacdef');
  });

  it('tries the likelier mistake first: a swap, then a dropped letter, then a wrong one, then one too many', () => {
    const c = editCandidates('samenwerkng');
    expect(c.indexOf('samenwerking')).toBeLessThan(c.indexOf('samenwerkig'));
    const d = editCandidates('abcdef');
    expect(d.indexOf('abcdfe')).toBeLessThan(d.indexOf('abcdefg'));
    expect(d.indexOf('abcdefg')).toBeLessThan(d.indexOf('abcdez'));
    expect(d.indexOf('abcdez')).toBeLessThan(d.indexOf('abcde'));
  });
});

/** An index of a few stems over three shards, with a Bloom filter that also lets through `falsePositives`. */
function fakeIndex(units: Record<string, number>, falsePositives: string[] = [], concepts: Record<string, number> = {}) {
  const shards = ['a', 'k', 's'];
  const shardOf = (k: string) => shards.filter((s) => s <= k).length - 1;
  const loaded = new Set<number>([0]);
  const fetched: number[] = [];
  const index: TypoIndex = {
    stem: (w) => nodeAnalyzer().stemFolded(w),
    mayHave: (k) => k in units || falsePositives.includes(k),
    shardOf,
    loaded: (s) => loaded.has(s),
    load: async (ss) => {
      for (const s of ss) {
        loaded.add(s);
        fetched.push(s);
      }
    },
    units: (stem) => (loaded.has(shardOf(stem)) ? (units[stem] ?? 0) : 0),
    concept: (stem) => concepts[stem] ?? 0,
  };
  return { index, fetched };
}

describe('the choice of a correction', () => {
  it('takes the candidate in the index with the most findings, and says what it changed', async () => {
    const { index } = fakeIndex({ kantoor: 3, kanton: 9 });
    expect(await correctWord('kantom', index)).toEqual({ from: 'kantom', to: 'kanton', units: 9 });
  });

  it('rejects what only the Bloom filter lets through, and corrects no short word or word with digits', async () => {
    const { index } = fakeIndex({ leerling: 5 }, ['lerling', 'leeerling']);
    expect(await correctWord('leerlnig', index)).toMatchObject({ to: 'leerling' });
    const fp = fakeIndex({}, [nodeAnalyzer().stemFolded('kantoor')]);
    expect(await correctWord('kantoro', fp.index)).toBeNull();
    expect(fp.fetched).toEqual([1]); // it looked in the one shard the filter pointed to
    expect(await correctWord('lerl', fakeIndex({ leerl: 2 }).index)).toBeNull();
    expect('lerl'.length).toBeLessThan(MIN_TYPO_LENGTH);
    expect(await correctWord('mbo4docent', fakeIndex({ mbo4docent: 1 }).index)).toBeNull();
  });

  it('fetches at most a few shards beyond those loaded', async () => {
    // every candidate passes the filter: only TYPO_SHARDS shards are fetched
    const { index, fetched } = fakeIndex({ stage: 4 });
    index.mayHave = () => true;
    await correctWord('stgae', index);
    expect(fetched.length).toBeLessThanOrEqual(TYPO_SHARDS);
  });

  it('knows words that name a theme or province but are rare in the text', async () => {
    const { index } = fakeIndex({}, [], { procesbegeleid: 27 });
    expect(await correctWord('procesbegleiding', index)).toEqual({ from: 'procesbegleiding', to: 'procesbegeleiding', units: 27 });
  });

  it('corrects one part of a compound whose other part is known, when the corrected part is long', async () => {
    const { index } = fakeIndex({ rooster: 8, problem: 30, huis: 12, zien: 40 });
    expect(await correctWord('roosterprobelmen', index)).toEqual({ from: 'roosterprobelmen', to: 'roosterproblemen', units: 30 });
    // a short part has too many neighbours: "zieken" is not taken for "zienen"
    expect(await correctWord('ziekenhuis', index)).toBeNull();
  });

  it('takes no word only the stemmer accepts: a doubled last consonant, a tripled one, or an edit after the stem leaving no Dutch ending', async () => {
    const stem = (w: string) => nodeAnalyzer().stemFolded(w);
    const { index } = fakeIndex({ [stem('ondertekening')]: 6, [stem('begeleiding')]: 20 });
    const c = await correctWord('ondertekend', index);
    expect(c?.to).not.toBe('ondertekenn');
    expect(await correctWord('begeleidens', index)).toBeNull();
    // a tripled consonant: "hakkken" (a letter dropped) has the stem of "hakken" (a wrong letter) but is no word
    expect(await correctWord('hkkken', fakeIndex({ [stem('hakken')]: 3 }).index)).toMatchObject({ to: 'hakken' });
    expect(await correctWord('begeleidng', index)).toMatchObject({ to: 'begeleiding' });
  });

  it('takes a word that is another form of an index word for no typing error: an agent noun, a diminutive', async () => {
    const stem = (w: string) => nodeAnalyzer().stemFolded(w);
    // the index holds "begeleiden"/"begeleiding" (stem begeleid), "leiden", "docent"; not "begeleider"
    const { index } = fakeIndex({ [stem('begeleiden')]: 40, [stem('leiden')]: 12, docent: 30 });
    for (const [word, of] of [['begeleider', 'begeleid'], ['begeleiders', 'begeleid'], ['leider', 'leid'], ['docentje', 'docent']]) {
      expect(otherFormOf(word, index), word).toBe(of);
      expect(await correctWord(word, index), word).toBeNull();
    }
    // a mistake in the ending is still one
    for (const [typo, right] of [['begeleidng', 'begeleiding'], ['begeleidnig', 'begeleiding'], ['docnet', 'docent']]) {
      expect(otherFormOf(typo, index), typo).toBeNull();
      expect(await correctWord(typo, index), typo).toMatchObject({ to: right });
    }
  });

  it('puts the corrections into the query as typed', () => {
    expect(applyCorrections('Doorlopnde leerroute, Fryslân', [{ from: 'doorlopnde', to: 'doorlopende', units: 3 }], fold)).toBe('doorlopende leerroute, Fryslân');
  });
});

describe('on the real corpus', () => {
  let engine: SearchEngine;
  let files: Map<string, Uint8Array>;
  beforeAll(async () => {
    const graph = await graphOf();
    files = indexFilesOf(graph);
    engine = await engineFor(graph, files);
  });
  const fresh = () => engineFor(undefined as never, files);

  it('finds what the right spelling finds, and says what it searched for', async () => {
    for (const [typo, right] of [
      ['procesbegleiding', 'procesbegeleiding'],
      ['loopbaanorientatei', 'loopbaanorientatie'],
      ['doorlopnde leerroute', 'doorlopende leerroute'],
      ['samenwerkng met het bedrijfsleven', 'samenwerking met het bedrijfsleven'],
      // a compound the index holds only as its parts, one part mistyped
      ['roosterprobelmen', 'roosterproblemen'],
    ]) {
      const r = await engine.search({ q: typo, filters: {} });
      const ok = await engine.search({ q: right, filters: {} });
      expect(r.correction, typo).toEqual({ q: typo, words: [[typo.split(' ')[0], right.split(' ')[0]]] });
      expect(r.q).toBe(right);
      expect(flat(r.groups), typo).toEqual(flat(ok.groups));
      expect(ok.correction).toBeNull();
    }
  });

  it('corrects only words the index holds in no form: not names, prefixes, compounds or unknown short words', async () => {
    for (const q of ['procesbegeleiding', 'Fryslân', 'docentenstage', 'samenwerkin', 'horecabedrijf', 'gastl', 'xyzzyplof', 'vmbo', 'ziekenhuis Rotterdam', 'voetbalstadion Maastricht', 'kwaliteitszorgsysteem', 'verankeringbeleidsplan']) {
      expect((await engine.search({ q, filters: {} })).correction, q).toBeNull();
    }
  });

  it('takes no word for a typing error that makes an indexed compound with its neighbour', async () => {
    // "begeleider" and "leider" occur only in compounds (praktijkbegeleiders, projectleider): joined
    // with the word before them they are found as written, so they are not "corrected" to begeleiden/leiden
    for (const q of ['praktijk begeleider', 'project leider', 'team leider']) {
      const r = await engine.search({ q, filters: {} });
      expect(r.correction, q).toBeNull();
      expect(r.groups.length, q).toBeGreaterThan(0);
    }
  });

  it('takes no word for a typing error that is another form of an index word, and finds that word', async () => {
    // "begeleider(s)" and "leider(s)" occur only inside compounds (procesbegeleider, projectleider);
    // begeleiden/begeleiding and leiden are index words; "leerkracht(en)" is one itself
    for (const q of ['begeleider', 'begeleiders', 'leider', 'leiders', 'leerkracht', 'leerkrachten']) {
      const r = await engine.search({ q, filters: {} });
      expect(r.correction, q).toBeNull();
      expect(r.groups.length, q).toBeGreaterThan(0);
    }
    // as a related form: cases and notes that "begeleiden" finds (not its compounds, as its own form does)
    const ids = async (q: string) => (await engine.search({ q, filters: {} }, 50)).groups.map((g) => g.id);
    const verb = await ids('begeleiden');
    expect((await ids('begeleider')).filter((id) => !verb.includes(id))).toEqual([]);
  });

  it('a first query with a typing error fetches at most the Bloom filter piece of its first letter and a few shards more', async () => {
    const right = await fresh();
    await right.search({ q: 'doorlopende leerroute', filters: {} });
    const typo = await fresh();
    await typo.search({ q: 'doorlopnde leerroute', filters: {} });
    const shards = (e: SearchEngine) => e.requests.filter((p) => p.startsWith('t/'));
    const extra = shards(typo).filter((p) => !shards(right).includes(p));
    expect(extra.length).toBeLessThanOrEqual(TYPO_SHARDS);
    // the word filters: only the piece of the typed word's first letter (the real corpus has one)
    expect(typo.requests.filter((p) => p.startsWith('w/'))).toEqual([`w/${typo.words.pieceOf('d')}.bin`]);
  });

  describe('properties (fixed seed)', () => {
    let meta: SearchMeta;
    let entries: Map<string, ShardEntry>;
    let dict: WordFilters;
    let textWords: string[];
    let titleWords: string[];
    const analyzer = nodeAnalyzer();
    beforeAll(async () => {
      const gz = (p: string) => {
        const b = files.get(p)!;
        return b[0] === 0x1f && b[1] === 0x8b ? new Uint8Array(gunzipSync(b)) : b;
      };
      meta = JSON.parse(new TextDecoder().decode(gz('meta.json')));
      entries = new Map(meta.shards.flatMap((_, i) => decodeShard(gz(`t/${i}.bin`)).map((e) => [e.key, e] as const)));
      dict = new WordFilters(meta.words, async (i) => gz(`w/${i}.bin`));
      await dict.load(meta.words);
      const texts = [...files.keys()].filter((p) => p.startsWith('d/')).flatMap((p) => {
        const f = decodeFragment(files.get(p)!);
        return [f.summary, ...f.findings.map((x) => x[2])];
      });
      const letterWords = (ts: string[]) => [...new Set(ts.flatMap((t) => splitWords(t)))].filter((w) => /^[a-z]+$/.test(w) && !analyzer.isStopWord(w)).sort();
      textWords = letterWords(texts);
      titleWords = letterWords([...files.keys()].filter((p) => p.startsWith('d/')).map((p) => decodeFragment(files.get(p)!).title));
    });

    /** The index as the engine gives it to the corrector, with only the shard of the typed word loaded. */
    const indexFor = (typed: string): TypoIndex => {
      const shardOf = (k: string) => Math.max(0, meta.shards.filter((s) => s <= k).length - 1);
      const loaded = new Set([shardOf(analyzer.stemFolded(typed))]);
      const get = (k: string) => (loaded.has(shardOf(k)) ? entries.get(k) : undefined);
      return {
        stem: (w) => analyzer.stemFolded(w),
        mayHave: (k) => dict.has(k),
        shardOf,
        loaded: (s) => loaded.has(s),
        load: async (ss) => ss.forEach((s) => loaded.add(s)),
        units: (stem) => unitsOf(stem, get),
        concept: () => 0,
      };
    };
    const unitsOf = (stem: string, get: (k: string) => ShardEntry | undefined) =>
      Math.max(0, ...exactEntries({ entry: get, prefixed: () => [], units: 0 }, stem, linkerVariants(stem)).map((e) => e.lists.find((l) => l.kind === LIST.text)?.units.length ?? 0));

    it('a word of the index (6+ letters) with one random edit after its first letter is corrected to one with at least as many findings', async () => {
      const edit = fc.record({ word: fc.constantFrom(...textWords.filter((w) => w.length >= 6)), kind: fc.constantFrom('swap', 'drop', 'change', 'add'), at: fc.nat(), letter: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz') });
      await fc.assert(
        fc.asyncProperty(edit, async ({ word, kind, at, letter }) => {
          const i = 1 + (at % (word.length - 1));
          const typo =
            kind === 'swap' ? (i + 1 < word.length ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word)
            : kind === 'drop' ? word.slice(0, i) + word.slice(i + 1)
            : kind === 'change' ? word.slice(0, i) + letter + word.slice(i + 1)
            : word.slice(0, i) + letter + word.slice(i);
          const all = (k: string) => entries.get(k);
          // the edit made another word of the index (or the same stem): nothing to correct
          fc.pre(unitsOf(analyzer.stemFolded(typo), all) === 0 && !analyzer.isStopWord(typo));
          const c = await correctWord(typo, indexFor(typo));
          expect(c, `${word} → ${typo}`).not.toBeNull();
          expect(c!.units, `${word} → ${typo} → ${c!.to}`).toBeGreaterThanOrEqual(unitsOf(analyzer.stemFolded(word), all));
        }),
        { seed: 15, numRuns: 300 },
      );
    });

    it('leaves compounds of index words alone that the query finds without a correction (a compound of three parts, or with a linker)', async () => {
      const common = textWords.filter((w) => w.length >= 4);
      const compounds = fc.sample(fc.tuple(fc.constantFrom(...common), fc.constantFrom('', 's', 'en'), fc.constantFrom(...common)), { seed: 7, numRuns: 200 });
      for (const [a, l, b] of compounds) {
        const q = `${a}${l}${b}`;
        const r = await engine.search({ q, filters: {} });
        if (r.correction) expect((await engine.search({ q, filters: {} }, 10, { correct: false })).totalGroups, q).toBe(0);
      }
    });

    it('never corrects a word of the corpus, whatever its form: every word of the summaries, findings and titles', async () => {
      const words = [...new Set([...textWords, ...titleWords])].filter((w) => w.length >= MIN_TYPO_LENGTH);
      expect(words.length).toBeGreaterThan(2000);
      const corrected: string[] = [];
      for (const w of words) {
        const r = await engine.search({ q: w, filters: {} }, 1);
        if (r.correction) corrected.push(`${w} → ${r.correction.words[0][1]}`);
      }
      expect(corrected).toEqual([]);
    });

    it('corrects a random mistake in a corpus word of six letters or more back to that word in most cases, on a first query', async () => {
      // one edit after the first letter; only what the index holds in no form is a typing error
      const edits = fc.sample(fc.record({ word: fc.constantFrom(...textWords.filter((w) => w.length >= 6)), kind: fc.constantFrom('swap', 'drop', 'change', 'add'), at: fc.nat(), letter: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz') }), { seed: 6, numRuns: 300 });
      let typos = 0;
      let back = 0;
      for (const { word, kind, at, letter } of edits) {
        const i = 1 + (at % (word.length - 1));
        const typo =
          kind === 'swap' ? word.slice(0, i) + (word[i + 1] ?? '') + word[i] + word.slice(i + 2)
          : kind === 'drop' ? word.slice(0, i) + word.slice(i + 1)
          : kind === 'change' ? word.slice(0, i) + letter + word.slice(i + 1)
          : word.slice(0, i) + letter + word.slice(i);
        const e = await fresh();
        if ((await e.search({ q: typo, filters: {} }, 1, { correct: false })).totalGroups) continue;
        typos++;
        const to = (await e.search({ q: typo, filters: {} }, 1)).correction?.words[0][1];
        if (to && analyzer.stemFolded(to) === analyzer.stemFolded(word)) back++;
      }
      // measured: 242 of 261 (93 %; the others mostly go to a likelier neighbour: concpet → concret,
      // suport → sport). Fixed seed: the floor leaves room for changes of content, not of chance.
      expect(typos).toBeGreaterThan(200);
      expect(back / typos).toBeGreaterThanOrEqual(0.8);
    });
  });
});
