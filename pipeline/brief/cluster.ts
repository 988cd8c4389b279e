// Average-linkage agglomerative clustering over a sparse similarity graph. Two clusters merge
// while the mean similarity over all pairs of their members (a missing edge counts as 0) reaches
// the threshold; the closest pair merges first. Average linkage does not chain: one shared
// member does not pull two otherwise unrelated groups together, as single linkage would.
// Deterministic: ties are broken by the clusters' smallest member indices.
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
  vx: number;
  vy: number;
}

/** Clusters of the items 0..n-1 as sorted index lists, ordered by their first index. */
export function averageLinkage(n: number, edges: readonly Edge[], threshold: number): number[][] {
  // a cluster is named by its smallest member; `links` holds the summed similarity to neighbours
  const members = new Map<number, number[]>();
  const links = new Map<number, Map<number, number>>();
  const version = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    members.set(i, [i]);
    links.set(i, new Map());
    version.set(i, 0);
  }
  for (const { a, b, w } of edges) {
    if (a === b || w <= 0) continue;
    const la = links.get(a)!;
    la.set(b, (la.get(b) ?? 0) + w);
    const lb = links.get(b)!;
    lb.set(a, (lb.get(a) ?? 0) + w);
  }
  const before = (p: Candidate, q: Candidate) => q.avg - p.avg || p.x - q.x || p.y - q.y;
  const queue = new TinyQueue<Candidate>([], before);
  const offer = (x: number, y: number, sum: number) => {
    const [lo, hi] = x < y ? [x, y] : [y, x];
    const avg = sum / (members.get(lo)!.length * members.get(hi)!.length);
    if (avg >= threshold) queue.push({ avg, x: lo, y: hi, vx: version.get(lo)!, vy: version.get(hi)! });
  };
  for (const [x, l] of links) for (const [y, sum] of l) if (x < y) offer(x, y, sum);

  while (queue.length) {
    const c = queue.pop()!;
    if (!members.has(c.x) || !members.has(c.y) || version.get(c.x) !== c.vx || version.get(c.y) !== c.vy) continue;
    // merge y into x (x < y, so x stays the smallest member)
    const merged = [...members.get(c.x)!, ...members.get(c.y)!].sort((p, q) => p - q);
    members.set(c.x, merged);
    members.delete(c.y);
    const lx = links.get(c.x)!;
    const ly = links.get(c.y)!;
    links.delete(c.y);
    lx.delete(c.y);
    for (const [z, sum] of ly) {
      if (z === c.x) continue;
      lx.set(z, (lx.get(z) ?? 0) + sum);
      const lz = links.get(z)!;
      lz.set(c.x, (lz.get(c.x) ?? 0) + sum);
      lz.delete(c.y);
    }
    version.set(c.x, version.get(c.x)! + 1);
    version.delete(c.y);
    for (const [z, sum] of [...lx].sort((p, q) => p[0] - q[0])) offer(c.x, z, sum);
  }
  return [...members.values()].sort((p, q) => p[0] - q[0]);
}
