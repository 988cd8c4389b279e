// Types shared by the index build (pipeline/index), the engine (worker, Node) and the page.
import type { SynonymRule } from './synonyms.ts';

/** One posting list: units (ascending) with their scores. */
export interface PostingList {
  /** LIST.text, LIST.head, LIST.tag or LIST.synonym */
  kind: number;
  units: ArrayLike<number>;
  scores: ArrayLike<number>;
}

/** A term (or a concept key `~t:<theme>`, `~p:<province>`, `~s:<sector>`) in a shard. */
export interface ShardEntry {
  key: string;
  /** documents with the term, counted per field as lunr does (for idf); 0 for concepts */
  df: number;
  /** for a compound: length of its modifier; 0 otherwise */
  modLen: number;
  lists: PostingList[];
  /**
   * Text terms held by enough findings (association.ts): how many findings hold it, and per theme
   * how many of them carry the theme, as [theme index, count] pairs (themes with a count only).
   */
  themes?: { findings: number; pairs: number[] } | null;
}

export interface ThemeInfo {
  id: string;
  label: string;
  url: string;
  domain: string;
  definition: string;
  /** stemmed phrases that name the theme: its id, label and synonyms */
  phrases: string[];
  /** stems that describe it (label, synonyms, definition, and their compound parts) with a weight */
  words: [string, number][];
  /** stems of its one-word synonyms (what the concept list expands to; marked in snippets) */
  expand: string[];
  findings: number;
  pages: number;
}

export interface PlaceInfo {
  id: string;
  label: string;
  url: string;
  phrases: string[];
  /** stems its name expands to in the text ("Fryslân" → friesland) */
  expand: string[];
  /** cases in this province (provinces only) */
  cases?: number;
}

export interface SearchMeta {
  v: number;
  /** content hash of the index, appended to file URLs so caches never mix builds */
  build: string;
  counts: { units: number; pages: number; findings: number };
  /** per theme (index into vocab.themes): the findings tagged with it */
  themeFindings: number[];
  /** bytes of themes.bin as fetched (the engine fetches it with the first query when it is small) */
  themesBytes: number;
  /** first key of each term shard `t/<i>.bin` */
  shards: string[];
  /** the lexicon's synonym rules, as stemmed phrases (synonyms.ts); a rule's corpus words are indexed under `~y:<rule>` */
  synonyms: SynonymRule[];
  /** first letter of each piece of the word filters `w/<i>.bin` (bloom.ts WordFilters) */
  words: string[];
  vocab: {
    themes: ThemeInfo[];
    provinces: PlaceInfo[];
    sectors: PlaceInfo[];
    routes: [string, string][];
    levels: string[];
    /** result types: case, notitie, then the finding types, with their labels */
    types: [string, string][];
  };
}

/** What a result shows of a case or note and its findings (`d/<page>.bin`). */
export interface Fragment {
  id: string;
  kind: 'c' | 'n';
  title: string;
  url: string;
  summary: string;
  /** finding anchor, type index (meta.vocab.types), text */
  findings: [string, number, string][];
}

export interface SnippetPart {
  text: string;
  hit: boolean;
}

export interface ResultFinding {
  id: string;
  url: string;
  type: string;
  typeLabel: string;
  snippet: SnippetPart[];
}

export interface ResultGroup {
  id: string;
  kind: 'c' | 'n';
  title: string;
  url: string;
  typeLabel: string;
  province: string | null;
  /** the summary with hits marked, when the case or note itself matched */
  snippet: SnippetPart[] | null;
  findings: ResultFinding[];
  /** matching findings of this page beyond those shown */
  more: ResultFinding[];
}

export interface ResultCard {
  kind: 'thema' | 'provincie';
  id: string;
  label: string;
  url: string;
  text: string;
  /** counts in words, e.g. "34 bevindingen in 12 cases en notities" */
  counts: string;
}

export type FacetKey = 'type' | 'thema' | 'provincie' | 'route' | 'niveau' | 'sector';

export interface SearchState {
  q: string;
  filters: Partial<Record<FacetKey, string[]>>;
}

export interface SearchResult {
  /** the query as searched (capped) */
  q: string;
  /** visible notes: the query was shortened, a filter value was ignored */
  notes: string[];
  groups: ResultGroup[];
  /** all matching cases/notes and units, after filters */
  totalGroups: number;
  totalUnits: number;
  cards: ResultCard[];
  /** per facet: [value, label, count], counts following the query and the other facets' filters */
  facets: Record<FacetKey, [string, string, number][]>;
  /** facets not counted: their column is large and was not asked for (see SearchEngine.search) */
  pending: FacetKey[];
  /** a word was taken for a typing error: the query as typed, and per word [as typed, searched for] (folded) */
  correction: { q: string; words: [string, string][] } | null;
  /** the filters that were applied (unknown values dropped) */
  filters: Partial<Record<FacetKey, string[]>>;
  /** milliseconds spent: ranking, loading files, total */
  timing: { rankMs: number; loadMs: number; totalMs: number };
}
