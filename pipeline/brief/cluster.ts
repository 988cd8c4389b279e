// Average-linkage agglomerative clustering over a sparse similarity graph. Two clusters merge
// while the mean similarity over all pairs of their members (a missing edge counts as 0) reaches
// the threshold; the closest pair merges first. Average linkage does not chain: one shared
// member does not pull two otherwise unrelated groups together, as single linkage would.
// Deterministic: ties are broken by the clusters' smallest member indices.
//
// Clusters are named by their smallest member and kept in arrays indexed by that name; a merge
// appends the smaller member list to the larger one (sorted once at the end).
//
// The queue is lazy, so a large cluster does not re-offer all its neighbours at every merge (at
// 10 000 cases that made the clustering quadratic). Invariant: every pair of live clusters whose
// mean reaches the threshold has an entry under its current names whose mean is at least the
// pair's current mean. A merge of y into x only lowers the means of x's other pairs (x grew), so
// their entries stay valid; x's pairs with y's neighbours get fresh entries. A popped entry whose
// mean is no longer the pair's current mean goes back with the current one; only an entry that is
// current merges. The queue's order is total (mean, then names), so this merges the same pairs in
// the same order as re-offering every pair after each merge.
import TinyQueue from 'tinyqueue';

export interface Edge {
  a: number;
  b: number;
  w: number;
}

interface Candidate {
  avg: number;
  x: number;
  y: number;
}

/** Clusters of the items 0..n-1 as sorted index lists, ordered by their first index. */
export function averageLinkage(n: number, edges: readonly Edge[], threshold: number): number[][] {
  const members: (number[] | null)[] = Array.from({ length: n }, (_, i) => [i]);
  const size = new Float64Array(n).fill(1);
  // summed similarity to each neighbouring cluster
  const links: (Map<number, number> | null)[] = Array.from({ length: n }, () => new Map<number, number>());
  for (const { a, b, w } of edges) {
    if (a === b || w <= 0) continue;
    const la = links[a]!;
    la.set(b, (la.get(b) ?? 0) + w);
    const lb = links[b]!;
    lb.set(a, (lb.get(a) ?? 0) + w);
  }
  const before = (p: Candidate, q: Candidate) => q.avg - p.avg || p.x - q.x || p.y - q.y;
  const queue = new TinyQueue<Candidate>([], before);
  const offer = (x: number, y: number, sum: number) => {
    const lo = x < y ? x : y;
    const hi = x < y ? y : x;
    const avg = sum / (size[lo] * size[hi]);
    if (avg >= threshold) queue.push({ avg, x: lo, y: hi });
  };
  for (let x = 0; x < n; x++) for (const [y, sum] of links[x]!) if (x < y) offer(x, y, sum);

  while (queue.length) {
    const c = queue.pop()!;
    if (members[c.x] === null || members[c.y] === null) continue;
    const sum = links[c.x]!.get(c.y);
    if (sum === undefined) continue;
    if (sum / (size[c.x] * size[c.y]) !== c.avg) {
      offer(c.x, c.y, sum); // an upper bound: back with the current mean
      continue;
    }
    // merge y into x (x < y, so x stays the smallest member)
    const mx = members[c.x]!;
    const my = members[c.y]!;
    if (mx.length >= my.length) for (const i of my) mx.push(i);
    else {
      for (const i of mx) my.push(i);
      members[c.x] = my;
    }
    members[c.y] = null;
    size[c.x] += size[c.y];
    const lx = links[c.x]!;
    const ly = links[c.y]!;
    links[c.y] = null;
    lx.delete(c.y);
    for (const [z, s] of ly) {
      if (z === c.x) continue;
      const merged = (lx.get(z) ?? 0) + s;
      lx.set(z, merged);
      const lz = links[z]!;
      lz.set(c.x, (lz.get(c.x) ?? 0) + s);
      lz.delete(c.y);
      offer(c.x, z, merged);
    }
  }
  const out: number[][] = [];
  for (const m of members) if (m) out.push(m.sort((p, q) => p - q));
  return out.sort((p, q) => p[0] - q[0]);
}
