// Stage 5 — index: the search index as static files (search/core/format.ts), split so that a query
// fetches only the shards of its terms. Units: every case, note and finding (units.ts); scores:
// lunr's BM25 over the Dutch analysis of search/core/analysis.ts (postings.ts); themes, provinces
// and sectors as concept lists — the units tagged with them and the best of their synonyms — so
// a query that names a concept fetches one list instead of one per synonym.
import type { SearchMeta } from '../../search/core/types.ts';
import type { Graph } from '../link/index.ts';
import { indexFiles, PIECE_WORDS, type Concepts, type SearchFile } from './files.ts';
import { nodeAnalyzer } from '../../search/node.ts';
import { words, type Analyzer } from '../../search/core/analysis.ts';
import type { SynonymRule } from '../../search/core/synonyms.ts';
import type { LexiconRule } from './lexicon.ts';
import { bestOf, textPostings, tokenPostings, type Postings, type TextIndex } from './postings.ts';
import { searchUnits, TEXT_FIELDS, TOKEN_BOOSTS } from './units.ts';
import { searchVocab } from './vocab.ts';

export type { SearchFile } from './files.ts';

/** A concept's synonym list keeps its best units only: it ranks, the tag list decides what matches. */
const SYNONYM_LIMIT = 2000;

export interface SearchData {
  meta: SearchMeta;
  files: SearchFile[];
}

/** `pieceWords`: words per piece of the word filters (files.ts PIECE_WORDS; tests use fewer). */
export function buildSearchIndex(graph: Graph, lexicon: readonly LexiconRule[] = [], { pieceWords = PIECE_WORDS } = {}): SearchData {
  const analyzer = nodeAnalyzer();
  const units = searchUnits(graph);
  const rules = compileLexicon(lexicon, analyzer);
  const text = textPostings(units.units, TEXT_FIELDS.map((f) => f.boost), analyzer, rules);
  const vocab = searchVocab(graph, analyzer, (s) => text.byTerm.has(s));

  const themes = tokenPostings(units.units, (u) => u.themes, TOKEN_BOOSTS.themes);
  const provinces = tokenPostings(units.units, (u) => (u.province ? [u.province] : []), TOKEN_BOOSTS.province);
  const sectors = tokenPostings(units.units, (u) => u.sectors, TOKEN_BOOSTS.sector);
  const concepts: Concepts = { entries: new Map() };
  const none: Postings = { units: new Int32Array(0), scores: new Float64Array(0) };
  const add = (key: string, tag: Postings | undefined, expand: string[]) => {
    const synonym = expand.length ? synonyms(text, expand, units.units.length) : null;
    if (tag || synonym?.units.length) concepts.entries.set(key, { tag: tag ?? none, synonym });
  };
  for (const t of vocab.themes) add(`~t:${t.id}`, themes.get(t.id), t.expand);
  for (const p of vocab.provinces) add(`~p:${p.id}`, provinces.get(p.id), p.expand);
  for (const s of vocab.sectors) add(`~s:${s.id}`, sectors.get(s.id), s.expand);

  const anchored = rules.map((r, i): SynonymRule => (text.anchors[i] ? [r[0], r[1], text.anchors[i]] : r));
  return indexFiles(text, concepts, vocab, units, graph.vocab.routeTypes.map((r) => [r.id, r.label]), anchored, pieceWords);
}

/**
 * The lexicon's rules as stemmed phrases (stop words left out, as in the index); a term of stop
 * words only is dropped, a rule left without two sides to meet too. An equivalence keeps one list.
 */
export function compileLexicon(rules: readonly LexiconRule[], analyzer: Analyzer): SynonymRule[] {
  const phrase = (t: string) => words(t).map((w) => analyzer.stem(w)).filter(Boolean).join(' ');
  const uniq = (ts: string[]) => [...new Set(ts.map(phrase).filter(Boolean))];
  const out: SynonymRule[] = [];
  for (const r of rules) {
    const from = uniq(r.from);
    const same = r.from === r.to || r.from.join(',') === r.to.join(',');
    const to = same ? [] : uniq(r.to);
    if (same ? from.length >= 2 : from.length && to.length) out.push([from, to]);
  }
  return out;
}

/** Best text score per unit over a concept's one-word synonyms. */
function synonyms(text: TextIndex, expand: string[], units: number): Postings {
  const lists = expand.map((s) => text.byTerm.get(text.canon(s))).filter((t): t is NonNullable<typeof t> => !!t);
  return bestOf(lists, units, SYNONYM_LIMIT);
}
