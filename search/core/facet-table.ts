// The facet table, in two files so that a first query at any corpus size stays small:
//   pages.bin   per page its kind, province, route type, levels, sectors and number of findings,
//               and per unit its type: what grouping, filters and most facet counts need (always
//               loaded; about 5 bytes per page and 1 per finding before gzip)
//   themes.bin  per unit its themes: the theme facet's counts and the theme filter (at 10 000
//               cases about 250 KB gzip, so the engine loads it only when it is small or asked for)
// Both are written column by column (one column after the other), which gzip compresses best.
// Encoded from lists (build), decoded into typed columns (engine): facet counts run over every
// matching unit.
import { checkHeader, header, Reader, Writer } from './format.ts';

/** Facet values of every page and finding, in unit order (the build's input). */
export interface FacetTable {
  /** per page: number of findings; the page's unit is followed by its findings */
  findings: number[];
  kind: number[];
  /** per page: index into meta.vocab lists, -1 for none */
  province: number[];
  route: number[];
  levels: number[][];
  sectors: number[][];
  /** per unit */
  themes: number[][];
  /** per unit: index into meta.types */
  type: number[];
}

/** The page columns as typed arrays; lists in CSR form (values of item i: off[i] .. off[i + 1]). */
export interface PageColumns {
  /** first unit of each page; the page's findings follow it */
  pageStart: Int32Array;
  pageOf: Int32Array;
  /** per page: 0 case, 1 note; province and route index or -1; levels and sectors */
  kind: Uint8Array;
  province: Int16Array;
  route: Int16Array;
  levelsOff: Int32Array;
  levels: Uint16Array;
  sectorsOff: Int32Array;
  sectors: Uint16Array;
  /** per unit: type index (meta.vocab.types; a page's is its kind) */
  type: Uint8Array;
}

/** Per unit its themes (indices into meta.vocab.themes), in CSR form. */
export interface ThemeColumn {
  themesOff: Int32Array;
  themes: Uint16Array;
}

const PAGES = 2;
const THEMES = 3;

export function encodePages(t: FacetTable): Uint8Array {
  const w = new Writer();
  header(w, PAGES);
  const pages = t.findings.length;
  w.uint(pages).uint(t.type.length);
  for (const n of t.findings) w.uint(n);
  for (let p = 0; p < pages; p++) w.uint(t.kind[p]);
  for (let p = 0; p < pages; p++) w.uint(t.province[p] + 1);
  for (let p = 0; p < pages; p++) w.uint(t.route[p] + 1);
  for (const col of [t.levels, t.sectors]) {
    for (const xs of col) w.uint(xs.length);
    for (const xs of col) for (const x of xs) w.uint(x);
  }
  for (const x of t.type) w.uint(x);
  return w.bytes();
}

export function decodePages(buf: Uint8Array): PageColumns {
  const r = new Reader(buf);
  checkHeader(r, PAGES, 'pages');
  const pages = r.uint();
  const units = r.uint();
  const pageStart = new Int32Array(pages);
  const pageOf = new Int32Array(units);
  let u = 0;
  for (let p = 0; p < pages; p++) {
    pageStart[p] = u;
    const end = u + 1 + r.uint();
    if (end > units) throw new Error('pages: more findings than units');
    pageOf.fill(p, u, end);
    u = end;
  }
  if (u !== units) throw new Error('pages: fewer findings than units');
  const column = <T extends Uint8Array | Int16Array>(into: T, shift: number) => {
    for (let p = 0; p < pages; p++) into[p] = r.uint() - shift;
    return into;
  };
  const kind = column(new Uint8Array(pages), 0);
  const province = column(new Int16Array(pages), 1);
  const route = column(new Int16Array(pages), 1);
  const lists = () => {
    const off = new Int32Array(pages + 1);
    for (let p = 0; p < pages; p++) off[p + 1] = off[p] + r.uint();
    const values = new Uint16Array(off[pages]);
    for (let i = 0; i < values.length; i++) values[i] = r.uint();
    return [off, values] as const;
  };
  const [levelsOff, levels] = lists();
  const [sectorsOff, sectors] = lists();
  const type = new Uint8Array(units);
  for (let i = 0; i < units; i++) type[i] = r.uint();
  return { pageStart, pageOf, kind, province, route, levelsOff, levels, sectorsOff, sectors, type };
}

/**
 * Per page the themes its units use (a small local list), then per unit which of those it has as
 * a bit set (a number: up to 53 themes per page stay exact).
 */
export function encodeThemes(t: FacetTable): Uint8Array {
  const w = new Writer();
  header(w, THEMES);
  const pages = t.findings.length;
  w.uint(pages).uint(t.themes.length);
  const local: number[][] = [];
  let u = 0;
  for (let p = 0; p < pages; p++) {
    const own = t.themes.slice(u, u + 1 + t.findings[p]);
    local.push([...new Set(own.flat())].sort((a, b) => a - b));
    u += own.length;
  }
  for (const l of local) w.uint(l.length);
  for (const l of local) {
    let last = -1;
    for (const x of l) {
      w.uint(x - last - 1);
      last = x;
    }
  }
  u = 0;
  for (let p = 0; p < pages; p++) {
    const pos = new Map(local[p].map((x, i) => [x, i]));
    for (let k = 0; k <= t.findings[p]; k++, u++) w.uint(t.themes[u].reduce((bits, x) => bits + 2 ** pos.get(x)!, 0));
  }
  return w.bytes();
}

export function decodeThemes(buf: Uint8Array, pages: PageColumns): ThemeColumn {
  const r = new Reader(buf);
  checkHeader(r, THEMES, 'themes');
  const np = r.uint();
  const units = r.uint();
  if (np !== pages.pageStart.length || units !== pages.type.length) throw new Error('themes: does not match pages.bin (rebuild the site)');
  const sizes = Array.from({ length: np }, () => r.uint());
  const local = sizes.map((n) => {
    const l: number[] = [];
    let last = -1;
    for (let i = 0; i < n; i++) l.push((last += r.uint() + 1));
    return l;
  });
  const themesOff = new Int32Array(units + 1);
  const themes: number[] = [];
  for (let u = 0; u < units; u++) {
    const l = local[pages.pageOf[u]];
    let bits = r.uint();
    for (let i = 0; bits > 0; i++, bits = Math.floor(bits / 2)) if (bits % 2) themes.push(l[i]);
    themesOff[u + 1] = themes.length;
  }
  return { themesOff, themes: Uint16Array.from(themes) };
}
