// The search engine over the index files: it loads meta.json once, then per query only the term
// shards its words, prefixes and concepts need (cached), the page facet table, and the fragments of
// the results it shows; the theme column (themes.bin) when it is small, when a query filters on a
// theme, or when asked (the theme facet's counts); the Bloom filter of index words (the pieces of
// the word filters for the letters it looks up) when a word is unknown: to split it, or to correct
// a typing error (typo.ts: the query is searched again with the word corrected, and the result
// says so). The same code runs in the Web Worker (fetch) and in Node (files from disk).
import { fold, participleStem, type Analyzer } from './analysis.ts';
import { decompound, linkerVariants } from './compounds.ts';
import { addCounts, ASSOCIATION, themeAssociation, type Association, type ThemeCounts } from './association.ts';
import { Facets } from './facets.ts';
import { WordFilters } from './bloom.ts';
import { decodePages, decodeThemes } from './facet-table.ts';
import { decodeFragment, decodeShard, gunzip, LIST } from './format.ts';
import { GROUPING, groupHits, type Group, type Grouping } from './group.ts';
import { analyseQuery, LIMITS, MATCHING, namedConcepts, type Matching, type QueryAnalysis } from './query.ts';
import { baseEntries, exactEntries, idf, neededKeys, Scorer, synonymEntries, WEIGHTS, type Postings, type Weights } from './rank.ts';
import { resultCards } from './cards.ts';
import { marker, snippet, type Marker } from './snippet.ts';
import { isWordKey } from './synonyms.ts';
import { applyCorrections, conceptWords, correctable, correctWord, otherFormOf, type Correction } from './typo.ts';
import type { Fragment, ResultGroup, SearchMeta, SearchResult, SearchState, ShardEntry } from './types.ts';

/** Fetch a file of the index by its path inside the search folder (e.g. `t/3.bin`). */
export type Load = (path: string) => Promise<Uint8Array>;

/** The theme column is fetched with the first query up to this size (gzip); larger, only when needed. */
export const EAGER_THEMES_BYTES = 64 * 1024;

export class SearchEngine {
  private readonly shards = new Map<number, Promise<ShardEntry[]>>();
  private readonly byKey = new Map<string, ShardEntry>();
  private readonly sorted = new Map<number, ShardEntry[]>();
  private readonly fragments = new Map<number, Promise<Fragment>>();
  private facets: Promise<Facets> | null = null;
  private themes: Promise<void> | null = null;
  /** the word filters, in pieces by first letter (bloom.ts) */
  readonly words: WordFilters;
  private scorer: Scorer | null = null;
  private conceptWords: Map<string, number> | null = null;
  /** paths fetched, in order (tests and the benchmark read it) */
  readonly requests: string[] = [];
  weights: Weights = WEIGHTS;
  grouping: Grouping = GROUPING;
  matching: Matching = MATCHING;
  association: Association = ASSOCIATION;
  eagerThemesBytes = EAGER_THEMES_BYTES;

  private constructor(
    readonly meta: SearchMeta,
    private readonly load: Load,
    readonly analyzer: Analyzer,
  ) {
    this.words = new WordFilters(meta.words, (i) => this.file(`w/${i}.bin`));
  }

  static async open(load: Load, analyzer: Analyzer): Promise<SearchEngine> {
    const meta = JSON.parse(new TextDecoder().decode(await gunzip(await load('meta.json')))) as SearchMeta;
    return new SearchEngine(meta, load, analyzer);
  }

  private async file(path: string): Promise<Uint8Array> {
    this.requests.push(path);
    return gunzip(await this.load(path));
  }

  /** Index of the shard that holds `key` (the last whose first key is not after it). */
  shardOf(key: string): number {
    const s = this.meta.shards;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= key) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private shard(i: number): Promise<ShardEntry[]> {
    let p = this.shards.get(i);
    if (!p) {
      p = this.file(`t/${i}.bin`).then((b) => {
        const entries = decodeShard(b);
        for (const e of entries) this.byKey.set(e.key, e);
        this.sorted.set(i, entries);
        return entries;
      });
      p.catch(() => this.shards.delete(i));
      this.shards.set(i, p);
    }
    return p;
  }

  /** Load the shards that hold these keys and the start of these prefixes (and the next shard when a prefix runs on). */
  async ensure(keys: string[], prefixes: string[] = []): Promise<void> {
    const need = new Set(keys.map((k) => this.shardOf(k)));
    for (const p of prefixes) {
      const i = this.shardOf(p);
      need.add(i);
      if (i + 1 < this.meta.shards.length && this.meta.shards[i + 1].startsWith(p)) need.add(i + 1);
    }
    await Promise.all([...need].sort((a, b) => a - b).map((i) => this.shard(i)));
  }

  facetTable(): Promise<Facets> {
    if (!this.facets) {
      this.facets = this.file('pages.bin').then((b) => new Facets(this.meta, decodePages(b)));
      this.facets.catch(() => (this.facets = null));
    }
    return this.facets;
  }

  /** Load the theme column into the facet table (once). */
  private themeColumn(facets: Facets): Promise<void> {
    if (!this.themes) {
      this.themes = this.file('themes.bin').then((b) => {
        facets.themes = decodeThemes(b, facets.cols);
      });
      this.themes.catch(() => (this.themes = null));
    }
    return this.themes;
  }

  private fragment(page: number): Promise<Fragment> {
    let p = this.fragments.get(page);
    if (!p) {
      p = this.file(`d/${page}.json`).then(decodeFragment);
      p.catch(() => this.fragments.delete(page));
      this.fragments.set(page, p);
    }
    return p;
  }

  /** The loaded postings, as the ranking reads them. */
  postings(): Postings {
    return {
      units: this.meta.counts.units,
      entry: (key) => this.byKey.get(key),
      prefixed: (prefix, limit) => {
        const out: ShardEntry[] = [];
        for (let i = this.shardOf(prefix); i < this.meta.shards.length && out.length < limit; i++) {
          const entries = this.sorted.get(i);
          if (!entries) break;
          let lo = 0;
          let hi = entries.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (entries[mid].key < prefix) lo = mid + 1;
            else hi = mid;
          }
          for (let k = lo; k < entries.length && out.length < limit; k++) {
            if (!entries[k].key.startsWith(prefix)) return out;
            // a synonym key ("docent ~y:61") starts with its word but is no longer word
            if (entries[k].key !== prefix && isWordKey(entries[k].key)) out.push(entries[k]);
          }
        }
        return out;
      },
    };
  }

  analyse(q: string): QueryAnalysis {
    return analyseQuery(q, this.meta, this.analyzer);
  }

  /**
   * Search, with facet filters; the first `limit` groups come with their texts and snippets.
   * `themes`: count the theme facet even when its column is large (it is fetched once).
   */
  async search(state: SearchState, limit = 10, { themes = false, correct = true } = {}): Promise<SearchResult> {
    const t0 = now();
    const facetsP = this.facetTable();
    const withThemes = themes || !!state.filters.thema?.length || this.meta.themesBytes <= this.eagerThemesBytes;
    const themesP = withThemes ? facetsP.then((f) => this.themeColumn(f)) : null;
    let a = this.analyse(state.q);
    const need = neededKeys(a);
    await this.ensure(need.keys, need.prefixes);
    const postings = this.postings();
    // each word's own entries (its stem and linker variants), looked up once
    const exact = a.words.map((w) => exactEntries(postings, w.stem, w.variants));
    // words the index holds in no form are split into two known parts, which count in the text
    // and may tell what the query is about
    const unknown = a.words.flatMap((w, i) => (exact[i].length || baseEntries(postings, w).length || synonymEntries(postings, w).length ? [] : [i]));
    const parts = new Map<number, [string, string]>();
    // a compound the index holds tells its parts itself: they may tell what the query is about
    exact.forEach((entries, i) => {
      const e = entries.find((x) => x.modLen);
      if (e) parts.set(i, [e.key.slice(0, e.modLen), e.key.slice(e.modLen)]);
    });
    const long = unknown.filter((i) => a.words[i].word.length >= 7 && !postings.prefixed(a.words[i].prefix, 1).length);
    if (long.length) {
      for (const i of long) {
        const split = await this.words.resolve((has) => decompound(a.words[i].word, has, (x) => this.analyzer.stem(x)));
        if (split) parts.set(i, split);
      }
      const more = [...parts.values()].flat();
      await this.ensure(more, more);
      // the filter has false positives: a split counts only when both parts are in their shards
      for (const i of long) if (parts.has(i) && !parts.get(i)!.every((x) => postings.entry(x))) parts.delete(i);
    }
    // a word still unknown may be another form of an index word ("begeleider": begeleid), found as
    // that word's related form, or a typing error: search again with it corrected, and say so
    const typos = this.typoWords(a, unknown.filter((i) => !parts.has(i)));
    const forms = await this.otherForms(a, typos);
    if (correct) {
      const corrections = await this.corrections(a, typos.filter((i) => !forms.has(i)));
      if (corrections.length) {
        const r = await this.search({ ...state, q: applyCorrections(a.q, corrections, fold) }, limit, { themes, correct: false });
        return { ...r, correction: { q: a.q, words: corrections.map((c) => [c.from, c.to]) }, timing: { ...r.timing, totalMs: now() - t0 } };
      }
    }
    // the themes it is about, now that the index tells how informative each word is
    const df = (s: string) => postings.entry(s)?.df ?? 0;
    const imp = (i: number) => {
      const known = exact[i];
      if (known.length) return idf(Math.max(...known.map((e) => e.df)), this.meta.counts.units);
      const p = parts.get(i);
      return idf(p ? Math.min(...p.map(df)) : 0, this.meta.counts.units);
    };
    // how each word goes with the themes in the corpus (counted at build time per term); a
    // compound the index does not hold, as its head does
    const T = this.meta.vocab.themes.length;
    const base: ThemeCounts = { findings: this.meta.counts.findings, counts: Float64Array.from(this.meta.themeFindings) };
    const countsOf = (entries: (ShardEntry | undefined)[]) =>
      entries.flatMap((e) => {
        if (!e?.themes) return [];
        const counts = new Float64Array(T);
        for (let k = 0; k < e.themes.pairs.length; k += 2) counts[e.themes.pairs[k]] = e.themes.pairs[k + 1];
        return [{ findings: e.themes.findings, counts }];
      });
    const assocs = exact.map((entries, i) => {
      // a word the corpus does not use tells through its synonyms ("leraren": docenten), or its head
      const alike = entries.length ? [] : synonymEntries(postings, a.words[i]);
      const counts = countsOf(entries.length ? entries : alike.length ? alike : [postings.entry(parts.get(i)?.[1] ?? '')]);
      return counts.length ? themeAssociation(addCounts(counts, T), base, this.association) : null;
    });
    a = analyseQuery(state.q, this.meta, this.analyzer, { parts, imp, matching: this.matching, assoc: (i) => assocs[i] });
    for (const [i, stem] of forms) a.words[i].base = [...(a.words[i].base ?? []), stem];
    await this.ensure(a.concepts.map((c) => c.key));
    const [facets] = await Promise.all([facetsP, themesP]);
    const tLoad = now();
    this.scorer ??= new Scorer(this.meta.counts.units);
    const ranked = a.words.length ? this.scorer.rank(a, postings, parts, this.weights) : null;
    const { active, kept, notes } = facets.validate(state.filters);
    const hits = ranked ?? (active.size ? null : { units: [], scores: [] });
    const grouped = groupHits(hits, facets, active, limit, this.grouping);
    const facetCounts = facets.count(hits ? hits.units : range(facets.units), active);
    const tRank = now();
    const m = marker(a, ranked?.matched ?? []);
    const shown = await Promise.all(grouped.groups.map((g) => this.render(g, m, facets)));
    if (a.cut === 'words') notes.unshift(`Alleen de eerste ${LIMITS.words} woorden van de zoekvraag zijn gebruikt.`);
    if (a.cut === 'chars') notes.unshift(`De zoekvraag was langer dan ${LIMITS.chars} tekens en is ingekort.`);
    const t1 = now();
    return {
      q: a.q,
      notes,
      groups: shown,
      totalGroups: grouped.totalGroups,
      totalUnits: grouped.units,
      cards: resultCards(a, this.meta),
      facets: facetCounts,
      pending: facets.themes ? [] : ['thema'],
      correction: null,
      filters: kept,
      timing: { rankMs: tRank - tLoad, loadMs: tLoad - t0 + (t1 - tRank), totalMs: t1 - t0 },
    };
  }

  /**
   * Of the words at `at` (not in the index in any form), those that may be typing errors: long
   * enough, naming no concept, starting no index word, making no indexed compound with a neighbour.
   */
  private typoWords(a: QueryAnalysis, at: number[]): number[] {
    const postings = this.postings();
    const named = new Set(namedConcepts(a.words, this.meta).flatMap((c) => c.words));
    // a word that makes an indexed compound with its neighbour ("stage begeleider") is no typing error
    const joined = new Set(a.joins.filter((j) => exactEntries(postings, j.form, j.variants).length).flatMap((j) => [j.at, j.at + 1]));
    return at.filter((i) => !named.has(i) && !joined.has(i) && correctable(a.words[i].word) && !postings.prefixed(a.words[i].prefix, 1).length);
  }

  /** Of the words at `at`, those that are another form of an index word, with its stem (loaded; a participle, or typo.ts otherFormOf). */
  private async otherForms(a: QueryAnalysis, at: number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    if (!at.length) return out;
    // a participle of a verb the index holds ("geroosterd": roosteren)
    const verbs = at.flatMap((i) => {
      const stem = participleStem(a.words[i].word, (w) => this.analyzer.stem(w));
      return stem ? [[i, stem] as const] : [];
    });
    await this.ensure(verbs.map(([, s]) => s));
    for (const [i, stem] of verbs) if (this.byKey.has(stem)) out.set(i, stem);
    await this.words.load(at.map((i) => a.words[i].word));
    for (const i of at) {
      const stem = out.has(i) ? null : otherFormOf(a.words[i].word, { mayHave: (k) => this.words.has(k) });
      if (stem) out.set(i, stem);
    }
    await this.ensure([...out.values()]);
    return out;
  }

  /** Corrections for the words at `at` (typoWords): each to an index word one edit away (typo.ts). */
  private async corrections(a: QueryAnalysis, todo: number[]): Promise<Correction[]> {
    if (!todo.length) return [];
    const postings = this.postings();
    const concepts = (this.conceptWords ??= conceptWords(this.meta));
    const out: Correction[] = [];
    for (const i of todo) {
      const c = await correctWord(a.words[i].word, {
        stem: (w) => this.analyzer.stemFolded(w),
        words: (keys) => this.words.load(keys),
        mayHave: (k) => this.words.has(k),
        common: (k) => this.words.common(k),
        shardOf: (k) => this.shardOf(k),
        loaded: (s) => this.sorted.has(s),
        load: (shards) => Promise.all(shards.map((s) => this.shard(s))).then(() => undefined),
        concept: (stem) => concepts.get(stem) ?? 0,
        units: (stem) => Math.max(0, ...exactEntries(postings, stem, linkerVariants(stem)).map((e) => e.lists.find((l) => l.kind === LIST.text)?.units.length ?? 0)),
      });
      if (c) out.push(c);
    }
    return out;
  }

  private async render(g: Group, m: Marker, facets: Facets): Promise<ResultGroup> {
    const f = await this.fragment(g.page);
    const types = this.meta.vocab.types;
    const start = facets.pageStart[g.page];
    const finding = (unit: number) => {
      const [anchor, type, text] = f.findings[unit - start - 1];
      return { id: `${f.id}#${anchor}`, url: `${f.url}#${anchor}`, type: types[type][0], typeLabel: types[type][1], snippet: snippet(text, m, this.analyzer) };
    };
    const province = facets.cols.province[g.page];
    return {
      id: f.id,
      kind: f.kind,
      title: f.title,
      url: f.url,
      typeLabel: f.kind === 'c' ? 'Case' : 'Notitie',
      province: province >= 0 ? this.meta.vocab.provinces[province].label : null,
      snippet: g.pageHit ? snippet(f.summary, m, this.analyzer) : null,
      findings: g.findings.map((h) => finding(h.unit)),
      more: g.more.map((h) => finding(h.unit)),
    };
  }
}

const range = (n: number) => Int32Array.from({ length: n }, (_, i) => i);
const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
