// A Bloom filter over strings (`dict.bin`): "is this a word of the index?" in a few kilobytes,
// for splitting compounds the index does not hold without fetching the shards of every candidate.
import { checkHeader, header, Reader, Writer } from './format.ts';

/** FNV-1a double hashing, k hash functions, about 1 % false positives at 10 bits per word. */
export class Bloom {
  constructor(
    readonly bits: Uint8Array,
    readonly k: number,
  ) {}
  static create(items: Iterable<string>, count: number, bitsPerItem = 10): Bloom {
    const m = Math.max(64, Math.ceil((count * bitsPerItem) / 8) * 8);
    const k = Math.max(1, Math.round(bitsPerItem * Math.LN2));
    const b = new Bloom(new Uint8Array(m / 8), k);
    for (const s of items) for (const i of b.positions(s)) b.bits[i >> 3] |= 1 << (i & 7);
    return b;
  }
  private positions(s: string): number[] {
    let h1 = 0x811c9dc5;
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
  encode(): Uint8Array {
    const w = new Writer();
    header(w, 3);
    w.uint(this.k).uint(this.bits.length);
    const head = w.bytes();
    const out = new Uint8Array(head.length + this.bits.length);
    out.set(head);
    out.set(this.bits, head.length);
    return out;
  }
  static decode(buf: Uint8Array): Bloom {
    const r = new Reader(buf);
    checkHeader(r, 3, 'dict');
    const k = r.uint();
    const n = r.uint();
    return new Bloom(buf.slice(r.pos, r.pos + n), k);
  }
}
