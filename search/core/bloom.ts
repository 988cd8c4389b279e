// Bloom filters over strings (the word filters `w/<i>.bin`): "is this a word of the index?" in a
// few kilobytes, for splitting compounds the index does not hold and correcting typing errors
// without fetching the shards of every candidate. The filters come in pieces by the words' first
// letter (WordFilters): the corrector keeps a word's first letter and a compound's modifier starts
// as the word does, so a query fetches only the pieces of the letters it looks up. Each piece
// holds the filter of its index words and, after it, a filter of the index's most frequent words
// among them (a hint for the typo corrector: which candidate is likely real and common, typo.ts);
// a reader that knows only the first ignores the second.
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
    checkHeader(r, 3, 'word filter');
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

/**
 * The pieces of the word filters for a list of index words: the words grouped by first letter, in
 * letter order, a letter joining the piece before while that holds fewer than half of
 * `pieceWords` words or the letter's words fit in it (a letter with more is a piece of its own); a
 * last piece of fewer than half is joined to the one before. `starts`: each piece's first letter.
 */
export function wordPieces(words: string[], pieceWords: number): { starts: string[]; words: string[][] } {
  const byLetter = new Map<string, string[]>();
  for (const w of words) {
    if (!w) continue;
    const l = byLetter.get(w[0]);
    if (l) l.push(w);
    else byLetter.set(w[0], [w]);
  }
  const starts: string[] = [];
  const pieces: string[][] = [];
  for (const letter of [...byLetter.keys()].sort()) {
    const ws = byLetter.get(letter)!;
    const cur = pieces.at(-1);
    if (cur && (cur.length < pieceWords / 2 || cur.length + ws.length <= pieceWords)) cur.push(...ws);
    else {
      starts.push(letter);
      pieces.push([...ws]);
    }
  }
  if (pieces.length > 1 && pieces.at(-1)!.length < pieceWords / 2) {
    starts.pop();
    pieces.at(-2)!.push(...pieces.pop()!);
  }
  return { starts, words: pieces };
}

/**
 * The word filters of an index, in pieces by first letter (`starts`: each piece's first letter;
 * a key before the first belongs to the first piece), each fetched once, when a key starting with
 * its letters is looked up. A key whose piece is not loaded is no word (`has`, `common`): load it
 * first.
 */
export class WordFilters {
  private readonly pending = new Map<number, Promise<void>>();
  private readonly pieces = new Map<number, Bloom[]>();
  constructor(
    readonly starts: string[],
    private readonly fetch: (piece: number) => Promise<Uint8Array>,
  ) {}
  /** The piece that holds `key` (-1: the index has no words). */
  pieceOf(key: string): number {
    let i = this.starts.length - 1;
    while (i > 0 && this.starts[i] > key) i--;
    return i;
  }
  /** Whether the piece that holds `key` is loaded (always, when the index has no words). */
  loaded(key: string): boolean {
    const i = this.pieceOf(key);
    return i < 0 || this.pieces.has(i);
  }
  /** Fetch the pieces that hold these keys. */
  async load(keys: string[]): Promise<void> {
    const need = [...new Set(keys.map((k) => this.pieceOf(k)))].filter((i) => i >= 0).sort((a, b) => a - b);
    await Promise.all(need.map((i) => this.piece(i)));
  }
  private piece(i: number): Promise<void> {
    let p = this.pending.get(i);
    if (!p) {
      p = this.fetch(i).then((b) => void this.pieces.set(i, Bloom.decodeAll(b)));
      p.catch(() => this.pending.delete(i));
      this.pending.set(i, p);
    }
    return p;
  }
  /** Whether `key` may be a word of the index (false when its piece is not loaded). */
  has(key: string): boolean {
    return this.pieces.get(this.pieceOf(key))?.[0].has(key) ?? false;
  }
  /** Whether `key` may be one of the index's most frequent words (the second filter of its piece). */
  common(key: string): boolean {
    return this.pieces.get(this.pieceOf(key))?.[1]?.has(key) ?? false;
  }
  /**
   * The answer of `run`, a pure function of which keys are words, with every piece it looked up
   * loaded: run, fetch the pieces of the keys it looked up unloaded, run again, until none is left.
   */
  async resolve<T>(run: (has: (key: string) => boolean) => T): Promise<T> {
    for (;;) {
      const missing: string[] = [];
      const out = run((k) => {
        if (!this.loaded(k)) missing.push(k);
        return this.has(k);
      });
      if (!missing.length) return out;
      await this.load(missing);
    }
  }
}
