// Top-k by shared themes without comparing every pair of items. The score of an item is the sum
// of the weights of the themes it shares with the query (then `finish`, e.g. rounding). Items with
// the same theme set form one group; a query adds each of its themes' weight to the groups that
// hold it (a typed array, no allocation per pair), in the index's theme order — so every sum is
// the same floating-point sum as adding the shared themes in that order. Within a group ids are
// sorted, so a group stops at its first id that cannot enter the top k. Results are ranked by
// score (descending), then id (ascending), exactly as comparing every pair would. Queries with
// the same theme set share one computation (kept with a few spare items for what `skip` drops).
import type { ThemeId } from '../types.ts';

interface Group<T> {
  index: number;
  themes: T[];
  ids: string[];
  /** each id's position among all ids of the index, so ties compare numbers, not strings */
  ranks: Int32Array;
}

interface Scored<T> {
  g: Group<T>;
  id: string;
  rank: number;
  score: number;
}

export interface Overlap<T extends string = ThemeId> {
  id: string;
  score: number;
  /** the shared themes, in the index's theme order */
  shared: T[];
}

export interface ThemeSetScoring<T extends string> {
  /** weight of a shared theme (default 1: the score counts shared themes) */
  weight?: (theme: T) => number;
  /** turns the summed weights into the score, e.g. rounding (must not change their order) */
  finish?: (sum: number) => number;
}

/** Spare items kept per memoised query, for items that `skip` leaves out. */
const SPARE = 24;

export class ThemeSetIndex<T extends string = ThemeId> {
  private readonly rank: Map<T, number>;
  private readonly weight: (theme: T) => number;
  private readonly finish: (sum: number) => number;
  private readonly groups = new Map<string, Group<T>>();
  private readonly byTheme = new Map<T, Group<T>[]>();
  private readonly list: Group<T>[] = [];
  /** per theme: the indices of the groups that hold it (built by prepare) */
  private postings = new Map<T, Int32Array>();
  /** per group: the rank of its first (smallest) id, and its number of ids */
  private firstRank = new Int32Array(0);
  private size = new Int32Array(0);
  private sums = new Float64Array(0);
  private marks = new Uint8Array(0);
  private touched = new Int32Array(0);
  /** per query theme set: the top items with spares, and the shared themes per group */
  private readonly memo = new Map<string, { q: T[]; inQuery: Set<T>; shared: Map<Group<T>, T[]>; top: Scored<T>[]; complete: boolean }>();
  private ready = true;

  /** `order`: the theme order used for a group's themes (and so for `shared`). Unknown themes go last, by id. */
  constructor(order: readonly T[] = [], { weight = () => 1, finish = (s) => s }: ThemeSetScoring<T> = {}) {
    this.rank = new Map(order.map((t, i) => [t, i]));
    this.weight = weight;
    this.finish = finish;
  }

  private compare = (a: T, b: T) => (this.rank.get(a) ?? Infinity) - (this.rank.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0);

  add(id: string, themes: Iterable<T>): void {
    const ts = [...new Set(themes)].sort(this.compare);
    if (!ts.length) return;
    const key = ts.join('\u0000');
    let g = this.groups.get(key);
    if (!g) {
      g = { index: this.list.length, themes: ts, ids: [], ranks: new Int32Array(0) };
      this.groups.set(key, g);
      this.list.push(g);
      for (const t of ts) {
        const list = this.byTheme.get(t);
        if (list) list.push(g);
        else this.byTheme.set(t, [g]);
      }
    }
    g.ids.push(id);
    this.ready = false;
  }

  private prepare(): void {
    if (this.ready) return;
    const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const all = this.list.flatMap((g) => g.ids).sort(byId);
    const rank = new Map(all.map((id, i) => [id, i]));
    for (const g of this.list) {
      g.ids.sort(byId);
      g.ranks = Int32Array.from(g.ids, (id) => rank.get(id)!);
    }
    this.postings = new Map([...this.byTheme].map(([t, gs]) => [t, Int32Array.from(gs, (g) => g.index)]));
    this.firstRank = Int32Array.from(this.list, (g) => g.ranks[0]);
    this.size = Int32Array.from(this.list, (g) => g.ids.length);
    this.sums = new Float64Array(this.list.length);
    this.marks = new Uint8Array(this.list.length);
    this.touched = new Int32Array(this.list.length);
    this.memo.clear();
    this.ready = true;
  }

  /** The `limit` best items sharing a theme with `themes`; `skip` leaves out single items (the query's own, say). */
  top(themes: Iterable<T>, limit: number, skip: (id: string) => boolean = () => false): Overlap<T>[] {
    if (limit <= 0) return [];
    this.prepare();
    const raw = [...themes];
    const rawKey = `${limit}\u0001${raw.join('\u0000')}`;
    let m = this.memo.get(rawKey);
    if (!m) {
      const q = [...new Set(raw)].filter((t) => this.byTheme.has(t)).sort(this.compare);
      const key = `${limit}\u0001${q.join('\u0000')}`;
      m = this.memo.get(key) ?? { q, inQuery: new Set(q), shared: new Map(), ...this.compute(q, limit + SPARE, () => false) };
      this.memo.set(key, m);
      this.memo.set(rawKey, m);
    }
    const top: Scored<T>[] = [];
    for (const x of m.top) if (!skip(x.id) && top.push(x) === limit) break;
    // more were skipped than the spare items cover: compute this one in full
    const result = top.length < limit && !m.complete ? this.compute(m.q, limit, skip).top : top;
    const memo = m;
    const sharedOf = (g: Group<T>) => {
      let shared = memo.shared.get(g);
      if (!shared) memo.shared.set(g, (shared = g.themes.filter((t) => memo.inQuery.has(t))));
      return shared;
    };
    return result.map(({ g, id, score }) => ({ id, score, shared: sharedOf(g) }));
  }

  private compute(q: T[], limit: number, skip: (id: string) => boolean) {
    // typed arrays only in the hot loops: a query may touch every group
    const { sums, marks, touched, firstRank, size } = this;
    let n = 0;
    for (const t of q) {
      const w = this.weight(t);
      const post = this.postings.get(t)!;
      for (let j = 0; j < post.length; j++) {
        const gi = post[j];
        if (!marks[gi]) {
          marks[gi] = 1;
          touched[n++] = gi;
        }
        sums[gi] += w;
      }
    }
    const top: Scored<T>[] = [];
    let candidates = 0;
    // the last place of a full list, as plain numbers
    let lastScore = -Infinity;
    let lastRank = -1;
    for (let j = 0; j < n; j++) {
      const gi = touched[j];
      const s = this.finish(sums[gi]);
      sums[gi] = 0;
      marks[gi] = 0;
      if (!(s > 0)) continue;
      candidates += size[gi];
      if (top.length === limit && (s < lastScore || (s === lastScore && firstRank[gi] > lastRank))) continue;
      const g = this.list[gi];
      const { ids, ranks } = g;
      for (let k = 0; k < ids.length; k++) {
        const r = ranks[k];
        // ids ascend within a group: once one cannot enter, none of the rest can
        if (top.length === limit && (s < lastScore || (s === lastScore && r > lastRank))) break;
        if (skip(ids[k])) continue;
        let i = top.length;
        while (i > 0 && (s > top[i - 1].score || (s === top[i - 1].score && r < top[i - 1].rank))) i--;
        top.splice(i, 0, { g, id: ids[k], rank: r, score: s });
        if (top.length > limit) top.pop();
        if (top.length === limit) ({ score: lastScore, rank: lastRank } = top[limit - 1]);
      }
    }
    return { top, complete: candidates <= limit };
  }
}
