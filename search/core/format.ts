// The search index as files: pure encoders (build) and decoders (worker, Node), one format.
//   meta.json        always loaded: vocabulary (themes, provinces, sectors), facet labels, the shard
//                    and word-filter directories and the file layout (SearchMeta)
//   t/<n>.bin        term shards: a range of the sorted terms with their postings (encodeShard)
//   pages.bin        per page its facet values, per unit its type (facet-table.ts)
//   themes.bin       per unit its themes (facet-table.ts; fetched when needed)
//   w/<n>.bin        word filters, for splitting unknown compounds and correcting typing errors
//                    (bloom.ts): the index words (the 24 000 most frequent) in pieces by first
//                    letter — neighbouring letters together, about 2 000 words a piece; meta.words
//                    holds each piece's first letter; a key before the first is in piece 0 —,
//                    each piece a file of two Bloom filters: its words, then (salt 1) the most
//                    frequent eighth of the index words among them (header, then per filter: its
//                    salt but the first's, k, bytes of bits, the bits; Bloom.encode). Fetched per
//                    piece: only for the letters a query looks up.
//   d/<page>.json    per case or note what a result shows: title, URL, summary, findings
// Binary files are unsigned LEB128 varints, gzipped at build time (hosts rarely compress binary
// types); readers accept them gzipped or already decompressed by the host (Content-Encoding).
// Text files (meta, fragments) are left to the host's compression, like the pages.
import type { Fragment, ShardEntry } from './types.ts';

export const FORMAT_VERSION = 4;
/** Scores are stored as integers: round(score × SCORE_SCALE). */
export const SCORE_SCALE = 100;

/** Kinds of posting lists in a shard entry. */
export const LIST = { text: 0, head: 1, tag: 2, synonym: 3 } as const;

const MAGIC = [0x4b, 0x42]; // "KB"
const utf8 = new TextEncoder();
const utf8d = new TextDecoder();

export class Writer {
  private buf = new Uint8Array(1024);
  private n = 0;
  private room(k: number) {
    if (this.n + k <= this.buf.length) return;
    const b = new Uint8Array(Math.max(this.buf.length * 2, this.n + k));
    b.set(this.buf.subarray(0, this.n));
    this.buf = b;
  }
  byte(x: number): this {
    this.room(1);
    this.buf[this.n++] = x;
    return this;
  }
  uint(x: number): this {
    if (!Number.isInteger(x) || x < 0) throw new Error(`not an unsigned integer: ${x}`);
    this.room(8);
    let v = x;
    while (v >= 0x80) {
      this.buf[this.n++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.n++] = v;
    return this;
  }
  str(s: string): this {
    const b = utf8.encode(s);
    this.uint(b.length);
    this.room(b.length);
    this.buf.set(b, this.n);
    this.n += b.length;
    return this;
  }
  bytes(): Uint8Array {
    return this.buf.slice(0, this.n);
  }
}

export class Reader {
  pos = 0;
  constructor(private readonly buf: Uint8Array) {}
  byte(): number {
    if (this.pos >= this.buf.length) throw new Error('index file is cut short');
    return this.buf[this.pos++];
  }
  uint(): number {
    let x = 0;
    let mul = 1;
    for (;;) {
      const b = this.byte();
      x += (b & 0x7f) * mul;
      if (b < 0x80) return x;
      mul *= 0x80;
    }
  }
  str(): string {
    const n = this.uint();
    const s = utf8d.decode(this.buf.subarray(this.pos, this.pos + n));
    this.pos += n;
    return s;
  }
}

/** File header: magic, file kind, format version. */
export function header(w: Writer, kind: number) {
  w.byte(MAGIC[0]).byte(MAGIC[1]).byte(kind).byte(FORMAT_VERSION);
}
export function checkHeader(r: Reader, kind: number, what: string) {
  if (r.byte() !== MAGIC[0] || r.byte() !== MAGIC[1] || r.byte() !== kind) throw new Error(`${what}: not a search index file`);
  const v = r.byte();
  if (v !== FORMAT_VERSION) throw new Error(`${what}: index format ${v}, expected ${FORMAT_VERSION} (rebuild the site)`);
}

/** Encode a shard: entries sorted by key, keys front-coded, units and themes delta-coded. */
export function encodeShard(entries: ShardEntry[]): Uint8Array {
  const w = new Writer();
  header(w, 1);
  w.uint(entries.length);
  let prev = '';
  for (const e of entries) {
    let k = 0;
    while (k < e.key.length && k < prev.length && e.key[k] === prev[k]) k++;
    w.uint(k).str(e.key.slice(k));
    prev = e.key;
    w.uint(e.df).uint(e.modLen).uint(e.lists.length);
    for (const l of e.lists) {
      w.uint(l.kind).uint(l.units.length);
      let last = -1;
      for (let i = 0; i < l.units.length; i++) {
        w.uint(l.units[i] - last - 1).uint(Math.round(l.scores[i] * SCORE_SCALE));
        last = l.units[i];
      }
    }
    const pairs = e.themes?.pairs ?? [];
    w.uint(pairs.length / 2);
    if (pairs.length) {
      w.uint(e.themes!.findings);
      let t = -1;
      for (let i = 0; i < pairs.length; i += 2) {
        w.uint(pairs[i] - t - 1).uint(pairs[i + 1]);
        t = pairs[i];
      }
    }
  }
  return w.bytes();
}

export function decodeShard(buf: Uint8Array): ShardEntry[] {
  const r = new Reader(buf);
  checkHeader(r, 1, 'shard');
  const n = r.uint();
  const out: ShardEntry[] = [];
  let prev = '';
  for (let e = 0; e < n; e++) {
    const k = r.uint();
    const key = prev.slice(0, k) + r.str();
    prev = key;
    const df = r.uint();
    const modLen = r.uint();
    const lists = [];
    for (let l = r.uint(); l > 0; l--) {
      const kind = r.uint();
      const len = r.uint();
      const units = new Int32Array(len);
      const scores = new Float32Array(len);
      let last = -1;
      for (let i = 0; i < len; i++) {
        last += r.uint() + 1;
        units[i] = last;
        scores[i] = r.uint() / SCORE_SCALE;
      }
      lists.push({ kind, units, scores });
    }
    let themes: ShardEntry['themes'] = null;
    const n = r.uint();
    if (n) {
      const findings = r.uint();
      const pairs: number[] = [];
      for (let i = 0, t = -1; i < n; i++) pairs.push((t += r.uint() + 1), r.uint());
      themes = { findings, pairs };
    }
    out.push({ key, df, modLen, lists, themes });
  }
  return out;
}

export function encodeFragment(f: Fragment): Uint8Array {
  return utf8.encode(JSON.stringify(f));
}
export function decodeFragment(buf: Uint8Array): Fragment {
  return JSON.parse(utf8d.decode(buf)) as Fragment;
}

/** Decompress a fetched file when it is still gzipped (the host may have decompressed it already). */
export async function gunzip(buf: Uint8Array): Promise<Uint8Array> {
  if (buf.length < 2 || buf[0] !== 0x1f || buf[1] !== 0x8b) return buf;
  const stream = new Blob([buf as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

