// The index stage (pipeline/index) and the index files (search/core/format.ts and friends): the
// scores are lunr's BM25 (checked against lunr's own Builder on the real corpus), the files round-
// trip, the build is deterministic, and every term sits in the shard the directory points to.
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../pipeline/build.ts';
import { makeConfig } from '../pipeline/config.ts';
import { buildSearchIndex } from '../pipeline/index/index.ts';
import { textPostings } from '../pipeline/index/postings.ts';
import { searchUnits, TEXT_FIELDS } from '../pipeline/index/units.ts';
import type { Graph } from '../pipeline/link/index.ts';
import { baseKey, eachToken } from '../search/core/analysis.ts';
import { Bloom } from '../search/core/bloom.ts';
import { ASSOCIATION, countThemes } from '../search/core/association.ts';
import { decodePages, decodeThemes, encodePages, encodeThemes } from '../search/core/facet-table.ts';
import { decodeShard, encodeShard, LIST } from '../search/core/format.ts';
import type { SearchMeta } from '../search/core/types.ts';
import { lunr, nodeAnalyzer } from '../search/node.ts';
import { PROJECT_ROOT } from './helpers/corpus.ts';

let graph: Graph;
beforeAll(async () => {
  const r = await runPipeline(makeConfig(PROJECT_ROOT));
  expect(r.ok).toBe(true);
  graph = r.graph!;
});

describe('postings', () => {
  it('are the field scores of lunr’s own Builder (BM25, boosts, idf per field), summed over the text fields', () => {
    const { units } = searchUnits(graph);
    const analyzer = nodeAnalyzer();
    const ours = textPostings(units, TEXT_FIELDS.map((f) => f.boost), analyzer);
    // lunr's Builder with the same words and the same canonical terms
    const canon = (w: string) => ours.canon(analyzer.stemFolded(w));
    const L = lunr as unknown as typeof lunr & { Pipeline: { registerFunction(fn: unknown, label: string): void } };
    const toTerm = (t: lunr.Token) => {
      const c = t.toString().startsWith('~b:') ? t.toString() : canon(t.toString());
      return c ? t.update(() => c) : undefined;
    };
    L.Pipeline.registerFunction(toTerm, 'kb-test-term');
    const index = lunr(function () {
      this.tokenizer = ((obj: unknown) => {
        const out: lunr.Token[] = [];
        eachToken(obj == null ? '' : String(obj), (w) => {
          out.push(new lunr.Token(w, {}));
          // a form of a base word also counts for the base's key (analysis.baseForm)
          const b = analyzer.stemFolded(w) && analyzer.baseStem(w);
          if (b) out.push(new lunr.Token(baseKey(b), {}));
        });
        return out;
      }) as unknown as typeof lunr.tokenizer;
      this.pipeline.reset();
      this.pipeline.add(toTerm as unknown as lunr.PipelineFunction);
      this.ref('ref');
      TEXT_FIELDS.forEach((f) => this.field(f.name, f.boost === 1 ? {} : { boost: f.boost }));
      units.forEach((u, i) => this.add({ ref: String(i), ...Object.fromEntries(TEXT_FIELDS.map((f, k) => [f.name, u.text[k]])) }));
    });
    const json = index.toJSON() as unknown as { invertedIndex: [string, { _index: number }][]; fieldVectors: [string, number[]][] };
    const termOf = new Map(json.invertedIndex.map(([t, p]) => [p._index, t]));
    const expected = new Map<string, number>();
    for (const [ref, v] of json.fieldVectors) {
      const unit = ref.split('/')[1];
      for (let i = 0; i < v.length; i += 2) {
        const key = `${termOf.get(v[i])}/${unit}`;
        expected.set(key, (expected.get(key) ?? 0) + v[i + 1]);
      }
    }
    const got = new Map<string, number>();
    for (const t of ours.terms) for (let i = 0; i < t.units.length; i++) got.set(`${t.term}/${t.units[i]}`, t.scores[i]);
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    const off = [...expected].filter(([k, v]) => Math.abs(got.get(k)! - v) > 1e-9);
    expect(off).toEqual([]);
    expect(ours.terms.length).toBeGreaterThan(1000);
  });
});

describe('index files', () => {
  it('round-trip: shards, facet table and word filter', () => {
    const entries = [
      { key: 'docent', df: 12, modLen: 0, lists: [{ kind: LIST.text, units: [0, 5, 700], scores: [1.25, 0.5, 12.07] }], themes: { findings: 3, pairs: [0, 2, 7, 1, 38, 3] } },
      { key: 'docentstag', df: 1, modLen: 6, lists: [{ kind: LIST.text, units: [3], scores: [2] }, { kind: LIST.head, units: [], scores: [] }], themes: null },
      { key: '~t:lob', df: 0, modLen: 0, lists: [{ kind: LIST.tag, units: [1, 2], scores: [3.33, 3.33] }], themes: null },
    ];
    const back = decodeShard(encodeShard(entries));
    expect(back.map((e) => ({ ...e, lists: e.lists.map((l) => ({ kind: l.kind, units: Array.from(l.units), scores: Array.from(l.scores).map((x) => Math.round(x * 100) / 100) })) }))).toEqual(entries);

    // three pages: a case with two findings, a note without, a case using 40 themes (bit sets past 32 bits)
    const table = { findings: [2, 0, 1], kind: [0, 1, 0], province: [3, -1, 0], route: [1, -1, 0], levels: [[0, 2], [], [1]], sectors: [[4], [], []], themes: [[1, 2], [1], [], [0], Array.from({ length: 40 }, (_, i) => i), [39, 5]], type: [0, 2, 3, 1, 0, 4] };
    const cols = decodePages(encodePages(table));
    expect([...cols.pageStart]).toEqual([0, 3, 4]);
    expect([...cols.pageOf]).toEqual([0, 0, 0, 1, 2, 2]);
    expect([...cols.type]).toEqual([0, 2, 3, 1, 0, 4]);
    expect([...cols.province]).toEqual([3, -1, 0]);
    expect([...cols.route]).toEqual([1, -1, 0]);
    expect([...cols.levels.subarray(cols.levelsOff[0], cols.levelsOff[1])]).toEqual([0, 2]);
    expect([...cols.sectors.subarray(cols.sectorsOff[0], cols.sectorsOff[1])]).toEqual([4]);
    const themes = decodeThemes(encodeThemes(table), cols);
    const themesOf = (u: number) => [...themes.themes.subarray(themes.themesOff[u], themes.themesOff[u + 1])];
    expect(table.themes.map((_, u) => themesOf(u))).toEqual(table.themes.map((t) => [...t].sort((a, b) => a - b)));
    expect(() => decodeThemes(encodeThemes(table), decodePages(encodePages({ ...table, findings: [2, 0], type: table.type.slice(0, 4) })))).toThrow(/does not match/);

    const words = Array.from({ length: 500 }, (_, i) => `woord${i}`);
    const bloom = Bloom.decode(Bloom.create(words, words.length).encode());
    expect(words.every((w) => bloom.has(w))).toBe(true);
    const false_ = Array.from({ length: 1000 }, (_, i) => `ander${i}`).filter((w) => bloom.has(w)).length;
    expect(false_).toBeLessThan(50);
  });

  it('are deterministic, sorted, and each term is in the shard the directory names', () => {
    const a = buildSearchIndex(graph);
    const b = buildSearchIndex(graph);
    expect(a.files.map((f) => f.path)).toEqual(b.files.map((f) => f.path));
    a.files.forEach((f, i) => expect(Buffer.compare(Buffer.from(f.bytes), Buffer.from(b.files[i].bytes)), f.path).toBe(0));
    const meta = JSON.parse(new TextDecoder().decode(a.files[0].bytes)) as SearchMeta;
    expect(a.files[0].path).toBe('search/meta.json');
    expect(meta.build).toMatch(/^[0-9a-f]{12}$/);
    let prev = '';
    meta.shards.forEach((first, i) => {
      const f = a.files.find((x) => x.path === `search/t/${i}.bin`)!;
      const keys = decodeShard(new Uint8Array(gunzipSync(f.bytes))).map((e) => e.key);
      expect(keys[0]).toBe(first);
      for (const k of keys) {
        expect(k > prev, `${k} after ${prev}`).toBe(true);
        prev = k;
      }
      if (i + 1 < meta.shards.length) expect(keys[keys.length - 1] < meta.shards[i + 1]).toBe(true);
    });
    expect(meta.counts.pages).toBe(graph.cases.length + graph.notes.length);
    expect(meta.counts.findings).toBe(graph.findings.length);
  });

  it('carry per term how many of its findings carry each theme, as the theme column counts them', () => {
    const { files, meta } = buildSearchIndex(graph);
    const bytes = (path: string) => new Uint8Array(gunzipSync(files.find((f) => f.path === path)!.bytes));
    const pages = decodePages(bytes('search/pages.bin'));
    const column = decodeThemes(bytes('search/themes.bin'), pages);
    expect(meta.themesBytes).toBe(files.find((f) => f.path === 'search/themes.bin')!.bytes.length);
    const isPage = (u: number) => pages.pageStart[pages.pageOf[u]] === u;
    const themesOf = (u: number) => [...column.themes.subarray(column.themesOff[u], column.themesOff[u + 1])];
    const T = meta.vocab.themes.length;
    expect(meta.themeFindings).toEqual([...countThemes(Array.from(pages.type.keys()), isPage, themesOf, T).counts]);
    let stored = 0;
    meta.shards.forEach((_, i) => {
      for (const e of decodeShard(bytes(`search/t/${i}.bin`))) {
        const text = e.lists.find((l) => l.kind === LIST.text);
        if (!text) {
          expect(e.themes, e.key).toBeNull();
          continue;
        }
        const want = countThemes(Array.from(text.units), isPage, themesOf, T);
        if (want.findings < ASSOCIATION.minFindings) expect(e.themes, e.key).toBeNull();
        else {
          stored++;
          expect(e.themes, e.key).toEqual({ findings: want.findings, pairs: [...want.counts].flatMap((x, t) => (x ? [t, x] : [])) });
        }
      }
    });
    expect(stored).toBeGreaterThan(500);
  });
});
