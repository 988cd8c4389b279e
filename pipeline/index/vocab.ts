// The vocabulary the query side matches against (shipped in meta.json): themes with the phrases
// that name them (label, id, codebook synonyms) and the words that describe them (label, synonyms
// and definition, with their compound parts), provinces and sectors with their names. All as
// stems of the same analysis as the index, so "loopbaanorientatie" names LOB and "leerlingaantallen"
// describes groepsgrootte.
import type { Analyzer } from '../../search/core/analysis.ts';
import { words } from '../../search/core/analysis.ts';
import { splitTerm } from '../../search/core/compounds.ts';
import type { PlaceInfo, ThemeInfo } from '../../search/core/types.ts';
import type { Graph } from '../link/index.ts';
import { placeForms } from './place-forms.ts';

/** Words of a province name that do not name it on their own ("noord" in Noord-Brabant). */
const DIRECTIONS = new Set(['noord', 'zuid', 'oost', 'west', 'midden']);
/** Weight of a definition word against a label or synonym word, and of a compound part (of either). */
const DEFINITION_WEIGHT = 0.5;
const PART_WEIGHT = 0.5;

export interface Vocab {
  themes: ThemeInfo[];
  provinces: PlaceInfo[];
  sectors: PlaceInfo[];
}

/**
 * @param known whether a stem is a term of the index (for compound parts)
 */
export function searchVocab(graph: Graph, analyzer: Analyzer, known: (s: string) => boolean): Vocab {
  const stems = (p: string) => words(p).map((w) => analyzer.stem(w)).filter(Boolean);
  const phrases = (ps: string[]) => [...new Set(ps.map((p) => stems(p).join(' ')))].filter((p) => p.length >= 2).sort();
  const oneWord = (ps: string[]) => ps.filter((p) => !p.includes(' '));

  const themes: ThemeInfo[] = graph.themes.map((t) => {
    const named = phrases([t.id.replace(/-/g, ' '), t.label, t.label.replace(/\(.*?\)/g, ''), ...t.synoniemen]);
    const weights = new Map<string, number>();
    const add = (w: string, x: number) => {
      if (w.length < 2) return;
      weights.set(w, Math.max(weights.get(w) ?? 0, x));
      const sp = splitTerm(w, (s) => known(s) || weights.has(s));
      if (sp) for (const part of [sp.canon.slice(0, sp.modLen), sp.head]) weights.set(part, Math.max(weights.get(part) ?? 0, x * PART_WEIGHT));
    };
    // a word that names the theme on its own counts fully; a word of a longer phrase ("open dag")
    // only as much as a definition word: the phrase as a whole names it
    for (const p of named) for (const w of p.split(' ')) add(w, p.includes(' ') ? DEFINITION_WEIGHT : 1);
    for (const w of stems(t.definitie)) add(w, DEFINITION_WEIGHT);
    return {
      id: t.id,
      label: t.label,
      url: t.url,
      domain: t.domainLabel,
      definition: t.definitie,
      phrases: named,
      words: [...weights].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
      expand: oneWord(named),
      findings: t.findingIds.length,
      pages: t.byOwner.length,
    };
  });
  const provinceById = new Map(graph.provinces.map((p) => [p.id, p]));
  const provinces: PlaceInfo[] = graph.vocab.provinces.map((p) => ({
    id: p.id,
    label: p.label,
    url: provinceById.get(p.id)?.url ?? `/provincies/${p.id}/`,
    // adjectives and regions name the province too: "Gelderse scholen", "Twente", and the forms
    // derived by rule (place-forms.ts: "Limburger", "Zeelander")
    phrases: phrases([p.label, ...(p.synoniemen ?? []), ...(p.vormen ?? []), ...[p.label, ...(p.synoniemen ?? [])].flatMap(placeForms)]),
    expand: [...new Set(stems(p.label).filter((w) => !DIRECTIONS.has(w)))],
    cases: provinceById.get(p.id)?.caseIds.length ?? 0,
  }));
  // "breed" (all sectors) is an everyday adjective ("een breed profiel"): only its label names it
  const sectors: PlaceInfo[] = graph.vocab.sectors.map((s) => {
    const named = phrases([s.label, ...(s.id === 'breed' ? [] : (s.synoniemen ?? []))]);
    return { id: s.id, label: s.label, url: '', phrases: named, expand: oneWord(named) };
  });
  return { themes, provinces, sectors };
}
