// The facet table (`facets.bin`): per page its kind, province, route type, levels, sectors and
// number of findings; per unit its type and themes. Encoded from lists (build), decoded into typed
// columns (engine), since facet counts run over every matching unit.
import { checkHeader, header, Reader, Writer } from './format.ts';

/** Facet values of every page and finding, in unit order (see SearchFacets). */
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

export function encodeFacets(t: FacetTable): Uint8Array {
  const w = new Writer();
  header(w, 2);
  const list = (xs: number[]) => {
    w.uint(xs.length);
    for (const x of xs) w.uint(x);
  };
  w.uint(t.findings.length).uint(t.type.length);
  let u = 0;
  t.findings.forEach((nf, p) => {
    w.uint(nf).uint(t.kind[p]).uint(t.province[p] + 1).uint(t.route[p] + 1);
    list(t.levels[p]);
    list(t.sectors[p]);
    list(t.themes[u]);
    u++;
    for (let i = 0; i < nf; i++, u++) {
      w.uint(t.type[u]);
      list(t.themes[u]);
    }
  });
  return w.bytes();
}

/** The facet table as columns: typed arrays, lists in CSR form (values of item i: off[i] .. off[i + 1]). */
export interface FacetColumns {
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
  /** per unit: type index (meta.vocab.types; a page's is its kind) and themes */
  type: Uint8Array;
  themesOff: Int32Array;
  themes: Uint16Array;
}

export function decodeFacets(buf: Uint8Array): FacetColumns {
  const r = new Reader(buf);
  checkHeader(r, 2, 'facets');
  const pages = r.uint();
  const units = r.uint();
  const c: FacetColumns = {
    pageStart: new Int32Array(pages),
    pageOf: new Int32Array(units),
    kind: new Uint8Array(pages),
    province: new Int16Array(pages),
    route: new Int16Array(pages),
    levelsOff: new Int32Array(pages + 1),
    levels: new Uint16Array(0),
    sectorsOff: new Int32Array(pages + 1),
    sectors: new Uint16Array(0),
    type: new Uint8Array(units),
    themesOff: new Int32Array(units + 1),
    themes: new Uint16Array(0),
  };
  const levels: number[] = [];
  const sectors: number[] = [];
  const themes: number[] = [];
  const list = (into: number[]) => {
    for (let n = r.uint(); n > 0; n--) into.push(r.uint());
  };
  let u = 0;
  for (let p = 0; p < pages; p++) {
    const nf = r.uint();
    c.pageStart[p] = u;
    c.kind[p] = r.uint();
    c.province[p] = r.uint() - 1;
    c.route[p] = r.uint() - 1;
    list(levels);
    c.levelsOff[p + 1] = levels.length;
    list(sectors);
    c.sectorsOff[p + 1] = sectors.length;
    c.type[u] = c.kind[p];
    c.pageOf[u] = p;
    list(themes);
    c.themesOff[++u] = themes.length;
    for (let i = 0; i < nf; i++) {
      c.type[u] = r.uint();
      c.pageOf[u] = p;
      list(themes);
      c.themesOff[++u] = themes.length;
    }
  }
  c.levels = Uint16Array.from(levels);
  c.sectors = Uint16Array.from(sectors);
  c.themes = Uint16Array.from(themes);
  return c;
}
