// Bloom filters over strings (`dict.bin`): "is this a word of the index?" in a few kilobytes, for
// splitting compounds the index does not hold and correcting typing errors without fetching the
// shards of every candidate. dict.bin holds the filter of index words and, after it, a filter of
// the index's most frequent words (a hint for the typo corrector: which candidate is likely real
// and common, typo.ts); a reader that knows only the first ignores the second.
import { checkHeader, header, Reader, Writer } from './format.ts';

/** FNV-1a double hashing, k hash functions, about 1 % false positives at 10 bits per word. */
export class Bloom {
  /** `salt` makes a filter's hashes independent of another's over the same words (0: none). */
  constructor(
    readonly bits: Uint8Array,
    readonly k: number,
    readonly salt = 0,
  ) {}
  static create(items: Iterable<string>, count: number, bitsPerItem = 10, salt = 0): Bloom {
    const m = Math.max(64, Math.ceil((count * bitsPerItem) / 8) * 8);
    const k = Math.max(1, Math.round(bitsPerItem * Math.LN2));
    const b = new Bloom(new Uint8Array(m / 8), k, salt);
    for (const s of items) for (const i of b.positions(s)) b.bits[i >> 3] |= 1 << (i & 7);
    return b;
  }
  private positions(s: string): number[] {
    let h1 = (0x811c9dc5 ^ Math.imul(this.salt, 0x9e3779b1)) >>> 0;
    let h2 = 0x01000193;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
    }
    const m = this.bits.length * 8;
    const out: number[] = [];
    for (let i = 0; i < this.k; i++) out.push(((h1 + Math.imul(i, h2 | 1)) >>> 0) % m);
    return out;
  }
  has(s: string): boolean {
    return this.positions(s).every((i) => (this.bits[i >> 3] & (1 << (i & 7))) !== 0);
  }
  /** This filter as a file, with further filters after it (each with its salt). */
  encode(...more: Bloom[]): Uint8Array {
    const parts: Uint8Array[] = [];
    [this, ...more].forEach((b, i) => {
      const w = new Writer();
      if (i) w.uint(b.salt);
      else header(w, 3);
      w.uint(b.k).uint(b.bits.length);
      parts.push(w.bytes(), b.bits);
    });
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
  /** The first filter of a file. */
  static decode(buf: Uint8Array): Bloom {
    return Bloom.decodeAll(buf)[0];
  }
  /** All filters of a file, in order. */
  static decodeAll(buf: Uint8Array): Bloom[] {
    const r = new Reader(buf);
    checkHeader(r, 3, 'dict');
    const out: Bloom[] = [];
    while (r.pos < buf.length) {
      const salt = out.length ? r.uint() : 0;
      const k = r.uint();
      const n = r.uint();
      if (r.pos + n > buf.length) throw new Error('index file is cut short');
      out.push(new Bloom(buf.slice(r.pos, r.pos + n), k, salt));
      r.pos += n;
    }
    return out;
  }
}
