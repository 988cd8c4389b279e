// The index as files (layout in search/core/format.ts): entries sorted by key and cut into term
// shards of about SHARD_BYTES, each gzipped; the facet table as pages.bin and themes.bin; the
// word filters in pieces by first letter; meta.json with the shard and piece directories. Pure:
// the same graph gives the same bytes (gzip without timestamps, sorted keys, content hash from
// the bytes).
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Bloom, wordPieces } from '../../search/core/bloom.ts';
import { ASSOCIATION, countThemes } from '../../search/core/association.ts';
import { encodePages, encodeThemes } from '../../search/core/facet-table.ts';
import { encodeFragment, encodeShard, FORMAT_VERSION, LIST } from '../../search/core/format.ts';
import { isWordKey, type SynonymRule } from '../../search/core/synonyms.ts';
import type { PostingList, SearchMeta, ShardEntry } from '../../search/core/types.ts';
import type { Postings, TextIndex } from './postings.ts';
import { TYPES, type Units } from './units.ts';
import type { Vocab } from './vocab.ts';

/** Target size of a term shard before gzip: small enough that a query fetches little, large enough to keep requests few. */
export const SHARD_BYTES = 12 * 1024;
/** Words in the Bloom filter for splitting unknown compounds (the most frequent ones when there are more). */
const DICT_WORDS = 24_000;
/** Share of those in the second filter of each word-filter piece, the most frequent words: the typo corrector's hint (search/core/typo.ts). */
const COMMON_SHARE = 1 / 8;
/**
 * Words per piece of the word filters (`w/<i>.bin`, by first letter; bloom.ts wordPieces): about
 * 2.5 KB gzip. The real corpus (about 2 800 words) has one piece, 1 000 generated cases nine, 10 000 ten
 * (measured: README, the typo table of the search benchmark).
 */
export const PIECE_WORDS = 2_000;

export interface SearchFile {
  /** path inside the output folder, e.g. `search/t/3.bin` */
  path: string;
  bytes: Uint8Array;
}

export interface Concepts {
  /** key (`~t:<id>` …) → tag list and synonym list */
  entries: Map<string, { tag: Postings; synonym: Postings | null }>;
}

const list = (kind: number, p: Postings): PostingList => ({ kind, units: p.units, scores: p.scores });
/** Rough encoded size of an entry, for cutting shards. */
const sizeOf = (e: ShardEntry) => e.key.length + 4 + e.lists.reduce((n, l) => n + 2 + l.units.length * 3, 0) + (e.themes?.pairs.length ?? 0);

export function indexFiles(text: TextIndex, concepts: Concepts, vocab: Vocab, units: Units, routes: [string, string][], synonyms: SynonymRule[] = [], pieceWords = PIECE_WORDS): { meta: SearchMeta; files: SearchFile[] } {
  const entries: ShardEntry[] = [];
  const themeCount = vocab.themes.length;
  const isPage = (u: number) => units.units[u].kind !== 'f';
  const themesOf = (u: number) => units.facets.themes[u];
  // per text term, for the association of words with themes (search/core/association.ts)
  const themeCounts = (us: Int32Array): ShardEntry['themes'] => {
    const c = countThemes(us, isPage, themesOf, themeCount);
    if (c.findings < ASSOCIATION.minFindings) return null;
    const pairs: number[] = [];
    c.counts.forEach((x, th) => x && pairs.push(th, x));
    return { findings: c.findings, pairs };
  };
  for (const t of text.terms) {
    const lists = [list(LIST.text, t)];
    if (t.head) lists.push(list(LIST.head, t.head));
    entries.push({ key: t.term, df: t.df, modLen: t.modLen, lists, themes: themeCounts(t.units) });
  }
  for (const [key, c] of concepts.entries) {
    const lists = [list(LIST.tag, c.tag)];
    if (c.synonym?.units.length) lists.push(list(LIST.synonym, c.synonym));
    entries.push({ key, df: 0, modLen: 0, lists });
  }
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const shards: ShardEntry[][] = [];
  let cur: ShardEntry[] = [];
  let size = 0;
  for (const e of entries) {
    const s = sizeOf(e);
    // a synonym key stays in the shard of the word it sorts beside ("docent ~y:61" after "docent")
    const beside = !isWordKey(e.key) && cur.length > 0 && e.key.startsWith(`${cur[cur.length - 1].key.split(' ')[0]} `);
    if (cur.length && size + s > SHARD_BYTES && !beside) {
      shards.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(e);
    size += s;
  }
  if (cur.length) shards.push(cur);

  const gz = (b: Uint8Array) => new Uint8Array(gzipSync(b));
  const files: SearchFile[] = shards.map((s, i) => ({ path: `search/t/${i}.bin`, bytes: gz(encodeShard(s)) }));
  files.push({ path: 'search/pages.bin', bytes: gz(encodePages(units.facets)) });
  const themes = gz(encodeThemes(units.facets));
  files.push({ path: 'search/themes.bin', bytes: themes });
  const dictWords = text.terms.filter((t) => isWordKey(t.term)).sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1)).slice(0, DICT_WORDS).map((t) => t.term);
  const common = new Set(dictWords.slice(0, Math.ceil(dictWords.length * COMMON_SHARE)));
  const pieces = wordPieces(dictWords, pieceWords);
  pieces.words.forEach((ws, i) => {
    const frequent = ws.filter((w) => common.has(w));
    files.push({ path: `search/w/${i}.bin`, bytes: gz(Bloom.create(ws, ws.length).encode(Bloom.create(frequent, frequent.length, 10, 1))) });
  });
  // fragments are plain JSON, compressed by the host like every text file: 10 000 small gzip calls cost seconds
  units.fragments.forEach((f, p) => files.push({ path: `search/d/${p}.json`, bytes: encodeFragment(f) }));

  const hash = createHash('sha256');
  for (const f of files) hash.update(f.path).update(f.bytes);
  const meta: SearchMeta = {
    v: FORMAT_VERSION,
    build: '',
    counts: { units: units.units.length, pages: units.fragments.length, findings: units.units.length - units.fragments.length },
    themeFindings: [...countThemes(units.units.map((_, u) => u), isPage, themesOf, themeCount).counts],
    themesBytes: themes.length,
    shards: shards.map((s) => s[0].key),
    words: pieces.starts,
    vocab: { themes: vocab.themes, provinces: vocab.provinces, sectors: vocab.sectors, routes, levels: units.levels, types: TYPES },
    synonyms,
  };
  hash.update(JSON.stringify(meta));
  meta.build = hash.digest('hex').slice(0, 12);
  files.unshift({ path: 'search/meta.json', bytes: new TextEncoder().encode(`${JSON.stringify(meta)}\n`) });
  return { meta, files };
}
