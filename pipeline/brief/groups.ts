// Grouping similar findings: which knelpunten (and which succesfactoren and lessen) report the same
// thing in different cases. Two findings are linked by
//  - what they say: the cosine of their content terms (similarity.ts), and
//  - a source's own synthesis: a rode draad that cites both (`steunt`) adds `threadBonus`, so the
//    author's judgement that they support one pattern is enough on its own;
// findings of the same case or note are never linked (a group is about *several* sources saying
// it). Groups are average-linkage clusters (cluster.ts) of the findings in a set (a theme, or one
// province's findings on a theme); knelpunten and succesfactoren are clustered together, so a
// group can hold both sides: a knelpunt in one case and a succesfactor in another — a contrast.
// A set larger than MAX_GROUPED (thousands of findings on a theme at 10 000 cases) groups a chosen
// MAX_GROUPED of them (`Grouper.choose`) and counts the rest, so a brief costs the same at any size.
import type { FindingView, Graph } from '../link/index.ts';
import { averageLinkage, type Edge } from './cluster.ts';
import { TextSimilarity } from './similarity.ts';

export type Side = 'blokkeert' | 'hielp';

/** Knelpunten block; succesfactoren and lessen are what helped. Rode draden are not grouped. */
export function sideOf(type: FindingView['type']): Side | null {
  if (type === 'knelpunt') return 'blokkeert';
  if (type === 'succesfactor' || type === 'les') return 'hielp';
  return null;
}

export interface GroupingOptions {
  /** Mean similarity two clusters need to merge. */
  threshold: number;
  /** Added to the similarity of two findings that one rode draad cites together. */
  threadBonus: number;
  /** Text similarities below this are left out of the graph (they barely move a mean). */
  minEdge: number;
  /** A set with more findings than this groups only this many of them (`Grouper.choose`); default MAX_GROUPED. */
  maxGrouped?: number;
}

/**
 * At most this many findings are grouped for one brief (a theme, or a province's findings on a
 * theme). No theme of the real corpus comes near it (the largest has 44 knelpunten,
 * succesfactoren and lessen); at 10 000 synthetic cases a theme has thousands, and grouping them all cost minutes.
 */
export const MAX_GROUPED = 400;

export const DEFAULT_GROUPING: GroupingOptions = { threshold: 0.2, threadBonus: 0.5, minEdge: 0.05 };

export interface SideGroup {
  /** The most central finding of this side: the one the brief quotes. */
  lead: string;
  /** All findings of this side, lead first, then by similarity to the lead. */
  findingIds: string[];
  owners: string[];
  cases: string[];
  documents: string[];
}

export interface FindingGroup {
  blokkeert: SideGroup | null;
  hielp: SideGroup | null;
}

export interface Grouping {
  groups: FindingGroup[];
  /** findings of each side left out of the grouping, because the set was larger than `maxGrouped` */
  ungrouped: Record<Side, number>;
}

export class Grouper {
  private readonly text: TextSimilarity;
  private readonly byId: Map<string, FindingView>;
  private readonly coCited = new Map<string, Set<string>>();
  /** authored rode draden citing a finding */
  private readonly citations = new Map<string, number>();
  /** groupable findings of each universe, by key (to tell whether it is over `maxGrouped`) */
  private readonly universeSizes = new Map<string, number>();
  /** Similarity graphs of sets grouped in parts (a theme, for each province), by key. */
  private readonly universes = new Map<string, Universe>();

  constructor(
    graph: Pick<Graph, 'findings' | 'threads'>,
    readonly options: GroupingOptions = DEFAULT_GROUPING,
  ) {
    this.byId = new Map(graph.findings.map((f) => [f.id, f]));
    this.text = new TextSimilarity(graph.findings.filter((f) => sideOf(f.type)).map((f) => ({ id: f.id, text: f.text })));
    for (const th of graph.threads) {
      if (th.kind !== 'authored') continue;
      for (const a of new Set(th.evidence)) this.citations.set(a, (this.citations.get(a) ?? 0) + 1);
      for (const a of th.evidence)
        for (const b of th.evidence) {
          if (a === b) continue;
          const s = this.coCited.get(a);
          if (s) s.add(b);
          else this.coCited.set(a, new Set([b]));
        }
    }
  }

  private groupable(findingIds: readonly string[]): string[] {
    return [...new Set(findingIds)].filter((id) => sideOf(this.byId.get(id)?.type ?? 'rode-draad')).sort();
  }

  /** The edges of a universe's graph between members of `ids`, renumbered to `ids`. */
  private subgraph(ids: readonly string[], universe: { key: string; findingIds: readonly string[] }): Edge[] {
    let u = this.universes.get(universe.key);
    if (!u) {
      const all = this.groupable(universe.findingIds);
      u = universeOf(all, this.edges(all));
      this.universes.set(universe.key, u);
    }
    const local = new Map<number, number>();
    ids.forEach((id, i) => {
      const at = u.index.get(id);
      if (at !== undefined) local.set(at, i);
    });
    // only the edges of the subset's members (each edge from its first end), not all of the universe's
    const out: Edge[] = [];
    for (const [at, a] of local) {
      for (let k = u.start[at]; k < u.start[at + 1]; k++) {
        const e = u.edges[u.byFirst[k]];
        const b = local.get(e.b);
        if (b !== undefined) out.push(a < b ? { a, b, w: e.w } : { a: b, b: a, w: e.w });
      }
    }
    return out.sort((p, q) => p.a - q.a || p.b - q.b);
  }

  /** The similarity graph over a set of findings (indices into `ids`). */
  edges(ids: readonly string[]): Edge[] {
    const fs = ids.map((id) => this.byId.get(id)!);
    const sameOwner = (a: number, b: number) => fs[a].owner.id === fs[b].owner.id;
    const weights = new Map<number, Edge>();
    const n = ids.length;
    for (const p of this.text.pairs(ids, { threshold: this.options.minEdge })) {
      if (!sameOwner(p.a, p.b)) weights.set(p.a * n + p.b, { a: p.a, b: p.b, w: p.score });
    }
    const index = new Map(ids.map((id, i) => [id, i]));
    ids.forEach((id, a) => {
      for (const other of this.coCited.get(id) ?? []) {
        const b = index.get(other);
        if (b === undefined || b <= a || sameOwner(a, b)) continue;
        const e = weights.get(a * n + b);
        if (e) e.w += this.options.threadBonus;
        else weights.set(a * n + b, { a, b, w: this.options.threadBonus });
      }
    });
    return [...weights.values()].sort((p, q) => p.a - q.a || p.b - q.b);
  }

  /**
   * Groups of the knelpunten, succesfactoren and lessen among `findingIds` (others are ignored).
   * With `universe` (a larger set, such as all findings on the theme), the similarity graph of the
   * universe is computed once and reused for each subset (a province's findings on that theme).
   */
  group(findingIds: readonly string[], universe?: { key: string; findingIds: readonly string[] }): FindingGroup[] {
    return this.grouping(findingIds, universe).groups;
  }

  /**
   * As `group`, for a set of any size: above `maxGrouped` findings only the ones `choose` picks are
   * grouped (and the universe's graph is not built: the chosen ones are compared directly), and
   * the others are counted per side.
   */
  grouping(findingIds: readonly string[], universe?: { key: string; findingIds: readonly string[] }): Grouping {
    const all = this.groupable(findingIds);
    const ids = this.choose(all);
    const ungrouped: Record<Side, number> = { blokkeert: 0, hielp: 0 };
    if (ids.length < all.length) {
      const chosen = new Set(ids);
      for (const id of all) if (!chosen.has(id)) ungrouped[sideOf(this.byId.get(id)!.type)!]++;
    }
    const edges = universe && this.universeSize(universe) <= this.max ? this.subgraph(ids, universe) : this.edges(ids);
    return { groups: this.cluster(ids, edges), ungrouped };
  }

  private get max(): number {
    return this.options.maxGrouped ?? MAX_GROUPED;
  }

  private universeSize(universe: { key: string; findingIds: readonly string[] }): number {
    let n = this.universeSizes.get(universe.key);
    if (n === undefined) this.universeSizes.set(universe.key, (n = this.groupable(universe.findingIds).length));
    return n;
  }

  /**
   * The findings a brief groups when a set has more than `maxGrouped`: the strongest evidence
   * first — findings that more of the sources' own rode draden cite —, then spread as widely as
   * possible: one finding of every case and note before a second of any, the provinces in turn
   * within each round (notes count as one more province; the province, and in it the case, with
   * the most findings in the set first), each case giving its most cited finding first, then by id.
   * Deterministic; `ids` sorted, as is the result. A set within the bound is returned whole.
   */
  choose(ids: readonly string[]): string[] {
    if (ids.length <= this.max) return [...ids];
    const cites = (id: string) => this.citations.get(id) ?? 0;
    const byOwner = new Map<string, string[]>();
    for (const id of ids) push(byOwner, this.byId.get(id)!.owner.id, id);
    const byProvince = new Map<string, string[][]>();
    for (const list of byOwner.values()) {
      list.sort((a, b) => cites(b) - cites(a) || (a < b ? -1 : 1));
      push(byProvince, this.byId.get(list[0])!.owner.province ?? '', list);
    }
    const largestFirst = (a: string[], b: string[]) => b.length - a.length || (a[0] < b[0] ? -1 : 1);
    const total = (owners: string[][]) => owners.reduce((n, o) => n + o.length, 0);
    const provinces = [...byProvince.values()].map((owners) => owners.sort(largestFirst)).sort((a, b) => total(b) - total(a) || (a[0][0] < b[0][0] ? -1 : 1));
    const order: string[] = [];
    for (let k = 0; order.length < ids.length; k++) order.push(...interleave(provinces.map((owners) => owners.filter((o) => k < o.length).map((o) => o[k]))));
    // stable: the spread order within each number of citations
    const ranked = order.map((id, i) => ({ id, i, c: cites(id) })).sort((a, b) => b.c - a.c || a.i - b.i);
    return ranked
      .slice(0, this.max)
      .map((r) => r.id)
      .sort();
  }

  private cluster(ids: readonly string[], edges: Edge[]): FindingGroup[] {
    const clusters = averageLinkage(ids.length, edges, this.options.threshold);
    const clusterOf = new Int32Array(ids.length);
    clusters.forEach((c, k) => c.forEach((i) => (clusterOf[i] = k)));
    const side = ids.map((id) => sideOf(this.byId.get(id)!.type));
    // centrality: summed similarity to the other members of the same group and side (one pass)
    const centrality = new Float64Array(ids.length);
    const adjacent: Map<number, number>[] = ids.map(() => new Map());
    for (const { a, b, w } of edges) {
      if (clusterOf[a] !== clusterOf[b] || side[a] !== side[b]) continue;
      centrality[a] += w;
      centrality[b] += w;
      adjacent[a].set(b, w);
      adjacent[b].set(a, w);
    }
    return clusters.map((cluster) => {
      const part = (s: Side) => this.side(cluster.filter((i) => side[i] === s), ids, centrality, adjacent);
      const blokkeert = part('blokkeert');
      const hielp = part('hielp');
      return { blokkeert, hielp };
    });
  }

  private side(members: number[], ids: readonly string[], centrality: Float64Array, adjacent: Map<number, number>[]): SideGroup | null {
    if (!members.length) return null;
    let lead = members[0];
    for (const i of members) if (centrality[i] > centrality[lead]) lead = i;
    const toLead = (i: number) => adjacent[lead].get(i) ?? 0;
    const ordered = [lead, ...members.filter((i) => i !== lead).sort((p, q) => toLead(q) - toLead(p) || p - q)];
    const fs = ordered.map((i) => this.byId.get(ids[i])!);
    const uniq = (xs: string[]) => [...new Set(xs)].sort();
    return {
      lead: ids[lead],
      findingIds: fs.map((f) => f.id),
      owners: uniq(fs.map((f) => f.owner.id)),
      cases: uniq(fs.filter((f) => f.owner.collection === 'cases').map((f) => f.owner.id)),
      documents: uniq(fs.map((f) => f.source.document)),
    };
  }
}

interface Universe {
  index: Map<string, number>;
  /** edges with a < b */
  edges: Edge[];
  /** the edges whose first end is node i: byFirst[start[i]] … byFirst[start[i + 1] - 1] */
  start: Int32Array;
  byFirst: Int32Array;
}

function universeOf(ids: readonly string[], edges: Edge[]): Universe {
  const start = new Int32Array(ids.length + 1);
  for (const e of edges) start[e.a + 1]++;
  for (let i = 0; i < ids.length; i++) start[i + 1] += start[i];
  const fill = start.slice(0, ids.length);
  const byFirst = new Int32Array(edges.length);
  edges.forEach((e, k) => (byFirst[fill[e.a]++] = k));
  return { index: new Map(ids.map((id, i) => [id, i])), edges, start, byFirst };
}

function push<T>(m: Map<string, T[]>, key: string, value: T): void {
  const list = m.get(key);
  if (list) list.push(value);
  else m.set(key, [value]);
}

/** The first items of every list in turn, then the second ones, and so on. */
function interleave<T>(lists: readonly T[][]): T[] {
  const out: T[] = [];
  for (let k = 0, left = true; left; k++) {
    left = false;
    for (const list of lists)
      if (k < list.length) {
        out.push(list[k]);
        left = true;
      }
  }
  return out;
}

/** Strongest first: more cases and notes, then more cases, documents, findings; then by id. */
export function byStrength(a: SideGroup, b: SideGroup): number {
  return b.owners.length - a.owners.length || b.cases.length - a.cases.length || b.documents.length - a.documents.length || b.findingIds.length - a.findingIds.length || (a.lead < b.lead ? -1 : a.lead > b.lead ? 1 : 0);
}
