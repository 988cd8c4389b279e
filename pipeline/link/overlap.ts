// Top-k by shared themes without comparing every pair of items. Items with the same theme set
// form one group and are scored once; a query only visits the groups that share one of its
// themes. Within a group ids are sorted, so a group stops at its first id that cannot enter the
// top k. Results are ranked by score (descending), then id (ascending).
import type { ThemeId } from '../types.ts';

interface Group<T> {
  themes: T[];
  ids: string[];
}

export interface Overlap<T extends string = ThemeId> {
  id: string;
  score: number;
  /** the shared themes, in the index's theme order */
  shared: T[];
}

export class ThemeSetIndex<T extends string = ThemeId> {
  private readonly rank: Map<T, number>;
  private readonly groups = new Map<string, Group<T>>();
  private readonly byTheme = new Map<T, Group<T>[]>();
  private sorted = true;

  /** `order`: the theme order used for a group's themes (and so for `shared`). Unknown themes go last, by id. */
  constructor(order: readonly T[] = []) {
    this.rank = new Map(order.map((t, i) => [t, i]));
  }

  add(id: string, themes: Iterable<T>): void {
    const ts = [...new Set(themes)].sort((a, b) => (this.rank.get(a) ?? Infinity) - (this.rank.get(b) ?? Infinity) || a.localeCompare(b));
    if (!ts.length) return;
    const key = ts.join('\u0000');
    let g = this.groups.get(key);
    if (!g) {
      g = { themes: ts, ids: [] };
      this.groups.set(key, g);
      for (const t of ts) {
        const list = this.byTheme.get(t);
        if (list) list.push(g);
        else this.byTheme.set(t, [g]);
      }
    }
    g.ids.push(id);
    this.sorted = false;
  }

  /**
   * The `limit` best items sharing a theme with `themes`; `score` maps the shared themes to a
   * score (≤ 0 leaves the item out), `skip` leaves out single items (the query's own, say).
   */
  top(themes: Iterable<T>, limit: number, score: (shared: T[]) => number, skip: (id: string) => boolean = () => false): Overlap<T>[] {
    if (limit <= 0) return [];
    if (!this.sorted) {
      for (const g of this.groups.values()) g.ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      this.sorted = true;
    }
    const q = new Set(themes);
    const seen = new Set<Group<T>>();
    const top: Overlap<T>[] = [];
    const better = (a: Overlap<T>, b: Overlap<T>) => a.score > b.score || (a.score === b.score && a.id < b.id);
    for (const t of q)
      for (const g of this.byTheme.get(t) ?? []) {
        if (seen.has(g)) continue;
        seen.add(g);
        const shared = g.themes.filter((x) => q.has(x));
        const s = score(shared);
        if (!(s > 0)) continue;
        for (const id of g.ids) {
          if (skip(id)) continue;
          const e = { id, score: s, shared };
          // ids ascend within a group: once one cannot enter, none of the rest can
          if (top.length === limit && !better(e, top[limit - 1])) break;
          let i = top.length;
          while (i > 0 && better(e, top[i - 1])) i--;
          top.splice(i, 0, e);
          if (top.length > limit) top.pop();
        }
      }
    return top;
  }
}
