// Which themes a query is about. Every informative word of the query counts, with its weight in
// the index (so "werkdruk van docenten" is about facilitering: werkdruk is rarer than docent); a
// theme explains a word when the word names it (label, codebook synonym, or a phrase of several
// words: "kleine aantallen"), describes it (a definition word, as far as the corpus ties it to the
// theme, or for a rare word as far as it is specific to the theme among the themes), or goes with
// it in the corpus (association.ts: "steun van bovenaf" is about draagvlak). A compound counts
// through its parts ("roosterproblemen"). A query is about one theme that explains most of it, or
// about two themes that together do, each explaining a part of it ("kosten van een kleine klas":
// bekostiging and groepsgrootte).
import type { ConceptMatch, QueryWord } from './query.ts';
import { phraseStarts } from './phrases.ts';
import type { WordThemes } from './association.ts';
import type { ThemeInfo } from './types.ts';

/** How a query is matched against the themes; `npm run eval:search` measures the effect of changing it. */
export const MATCHING = {
  /** a theme (or a pair of themes) must explain at least this share of the query */
  describes: 0.5,
  /** themes within this share of the best match are kept, at most `maxThemes` */
  nearBest: 0.6,
  maxThemes: 3,
  /** weight of a definition word that belongs to this theme only (less when shared with others) */
  definition: 1,
  /** most a word can count for a theme it only goes with in the corpus (a synonym counts 1) */
  association: 0.8,
  /** a theme stands for the query words it explains at least this well (the others must match as words) */
  covers: 0.5,
  /** in a pair of themes, each must explain at least this share of the query that the other does not, */
  pairPart: 0.2,
  /** counting only the words it explains at least this well */
  pairLevel: 0.8,
  /** a pair is taken over the best single theme only when it explains this much more of the query */
  pairGain: 0.15,
  /** share of a theme word's weight a synonym of it in the lexicon counts for (1: as the word itself) */
  alike: 1,
};
export type Matching = typeof MATCHING;

/**
 * Words that do not tell what a query is about, so they do not count when matching it against the
 * themes (they still count in the text): words that say what kind of finding is asked for
 * ("roosterproblemen", "tips voor ouders"), the most frequent Dutch verbs in their common forms
 * ("wat zegt de wet", "wie doet wat") beyond those lunr's stop word list already drops, and the
 * function words that theme definitions use too ("moeten leerlingen twee keer examen doen").
 */
export const GENERIC_WORDS = [
  ...['probleem', 'problemen', 'knelpunt', 'uitdaging', 'moeilijkheid', 'obstakel', 'oplossing', 'succesfactor', 'tip', 'ervaring', 'voorbeeld', 'vraag'],
  ...['doet', 'deed', 'gedaan', 'gaan', 'ging', 'gegaan', 'komen', 'komt', 'kwam', 'gekomen', 'maken', 'maakt', 'gemaakt', 'zeggen', 'zegt', 'zei', 'gezegd'],
  ...['krijgen', 'krijgt', 'kreeg', 'gekregen', 'geven', 'geeft', 'gaf', 'gegeven', 'staan', 'staat', 'stond', 'gestaan', 'zitten', 'zit', 'zat', 'liggen', 'ligt'],
  ...['houden', 'houdt', 'hield', 'gehouden', 'zien', 'ziet', 'zag', 'gezien', 'vinden', 'vindt', 'vond', 'gevonden', 'denken', 'denkt', 'dacht'],
  ...['nemen', 'neemt', 'genomen', 'brengen', 'brengt', 'bracht', 'gebracht', 'blijven', 'blijft', 'bleef', 'gebleven', 'lijken', 'lijkt', 'geleken'],
  ...['gebeuren', 'gebeurt', 'gebeurde', 'gebeurd', 'mogen', 'mag', 'mocht', 'zullen', 'willen', 'wilt'],
  // modal verbs, numbers and how often: function words the definitions use ("moeten", "twee keer")
  ...['moeten', 'moet', 'moest', 'kunnen', 'kunt', 'kon', 'konden', 'twee', 'drie', 'vier', 'keer', 'keren', 'eerst', 'vaak', 'soms'],
];

/** Share of a compound's theme match when it matched through its parts. */
const PART = 0.8;
/** A definition word whose findings carry the theme this many times as often as findings in general ties it fully. */
const LIFT_FULL = 3;

export interface MatchOptions {
  /** for compounds: their modifier and head (as the index splits them, or split when it does not hold them) */
  parts?: ReadonlyMap<number, readonly string[]>;
  /** words that name a province or sector: they do not count */
  skip?: ReadonlySet<number>;
  /** stems of GENERIC_WORDS */
  generic?: ReadonlySet<string>;
  /** how informative each word is (its idf in the index); all alike when not given */
  imp?: (i: number) => number;
  /** how word i goes with each theme in the corpus (association.ts), null when too rare to tell */
  assoc?: (i: number) => WordThemes | null;
  matching?: Matching;
}

/** Words of `words` covered by the phrases of more than one word among `phrases`. */
function phraseCover(phrases: string[], forms: Set<string>[]): Set<number> {
  const out = new Set<number>();
  for (const phrase of phrases) {
    const ps = phrase.split(' ');
    if (ps.length < 2) continue;
    for (const i of phraseStarts(ps, forms.length, (j, p) => forms[j].has(p))) for (let k = 0; k < ps.length; k++) out.add(i + k);
  }
  return out;
}

interface Explained {
  ti: number;
  /** per query word, how much of it the theme explains (0..1), times the word's weight */
  got: Float64Array;
  share: number;
}

/**
 * The themes a query is about, best first, each with the share of the query it explains (a pair:
 * the share both explain together). Themes explaining less than MATCHING.describes are left out.
 */
export function themeMatches(words: QueryWord[], themes: ThemeInfo[], opts: MatchOptions = {}): ConceptMatch[] {
  const parts = opts.parts ?? new Map<number, readonly string[]>();
  const skip = opts.skip ?? new Set<number>();
  const generic = opts.generic ?? new Set<string>();
  const imp = opts.imp ?? (() => 1);
  const m = opts.matching ?? MATCHING;
  const maps = themes.map((t) => new Map(t.words));
  const df = new Map<string, number>();
  for (const x of maps) for (const w of x.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const n = themes.length;
  const spec = (s: string) => Math.log(1 + n / (df.get(s) ?? n)) / Math.log(1 + n);
  const forms = words.map((w) => new Set([w.stem, ...w.variants.map((v) => v.form), ...(w.synonyms?.alike ?? [])]));
  const alike = words.map((w) => w.synonyms?.alike ?? []);
  const sub = words.map((_, i) => (parts.get(i) ?? []).filter((p) => !generic.has(p)));
  const counts = words.map((w, i) => !skip.has(i) && !generic.has(w.stem));
  // a single word is looked up as a word: only the codebook makes it a theme; in a question of
  // several words, the corpus may tell what an everyday word is about
  const question = counts.filter(Boolean).length >= 2;
  const assoc = words.map((_, i) => opts.assoc?.(i) ?? null);
  const inVocab = words.map((w, i) => [w.stem, ...sub[i], ...alike[i]].some((s) => df.has(s)));
  const explained: Explained[] = themes.map((t, ti) => {
    // a label or synonym word (weight ≥ 0.8: the word or its compound part) counts as it is; a
    // definition word as far as the corpus ties it to this theme (or, for a rare word, as far as
    // it is specific to this theme among the themes)
    const tw = (s: string, i: number) => {
      const x = maps[ti].get(s) ?? 0;
      if (x >= 0.8 || !x) return x;
      const l = s === words[i].stem ? assoc[i]?.lift[ti] : undefined;
      const tie = l === undefined ? spec(s) : Math.max(0, Math.min(1, (l - 1) / (LIFT_FULL - 1)));
      // just below a label or synonym word: on a tie the theme the word names wins
      return Math.min(0.95, 2 * x * m.definition * tie);
    };
    const phrased = phraseCover(t.phrases, forms);
    const got = new Float64Array(words.length);
    words.forEach((w, i) => {
      if (!counts[i]) return;
      // a Dutch compound is what its head is ("projectgeld" is money): the head counts fully, the
      // modifier half — fully when the head is a generic word ("roosterproblemen")
      const [mod, head] = parts.get(i) ?? [];
      const viaParts = !mod || !head ? 0 : PART * (generic.has(head) ? (generic.has(mod) ? 0 : tw(mod, i)) : Math.max(tw(head, i), generic.has(mod) ? 0 : tw(mod, i) / 2));
      const corpus = question && assoc[i] ? m.association * assoc[i]!.strength[ti] : 0;
      // a synonym in the lexicon counts as the word itself ("leraren" as "docenten")
      const viaAlike = alike[i].reduce((best, s) => Math.max(best, m.alike * tw(s, i)), 0);
      got[i] = (phrased.has(i) ? 1 : Math.max(tw(w.stem, i), viaParts, corpus, viaAlike)) * imp(i);
    });
    return { ti, got, share: 0 };
  });
  // the whole the themes must explain: the words of some theme's vocabulary, and the others as far
  // as the corpus ties them to some theme (a word it ties to none in particular hardly counts; a
  // word too rare to tell, not at all)
  const total = words.reduce((sum, _, i) => {
    if (!counts[i]) return sum;
    if (inVocab[i]) return sum + imp(i);
    return sum + explained.reduce((best, e) => Math.max(best, e.got[i]), 0);
  }, 0);
  if (!total) return [];
  for (const e of explained) e.share = e.got.reduce((a, b) => a + b, 0) / total;
  // the words a theme stands for in the ranking: those it explains well (the others must match as words)
  const match = (e: Explained[], share: number): ConceptMatch[] =>
    e.map(({ ti, got }) => {
      const t = themes[ti];
      const well = [...got.keys()].filter((i) => got[i] > 0 && got[i] >= m.covers * imp(i));
      const covered = well.length ? well : [got.indexOf(Math.max(...got))];
      return { list: 'themes', id: t.id, key: `~t:${t.id}`, strength: Math.min(1, share), words: covered, expand: t.expand.filter((x) => !words.some((w) => w.stem === x)) };
    });
  const singles = explained.filter((e) => e.share >= m.describes).sort((a, b) => b.share - a.share || a.ti - b.ti);
  const pair = bestPair(explained, words.map((_, i) => imp(i)), total, m);
  if (pair && pair.share >= m.describes && pair.share >= (singles[0]?.share ?? 0) + m.pairGain) return match(pair.themes, pair.share);
  return singles.flatMap((e) => match([e], e.share));
}

/** The two themes that together explain most of the query, each explaining a part the other does not. */
function bestPair(explained: Explained[], imp: number[], total: number, m: Matching): { themes: Explained[]; share: number } | null {
  const candidates = explained.filter((e) => e.share >= m.pairPart).sort((a, b) => b.share - a.share || a.ti - b.ti).slice(0, 8);
  let best: { themes: Explained[]; share: number } | null = null;
  for (let a = 0; a < candidates.length; a++)
    for (let b = a + 1; b < candidates.length; b++) {
      const x = candidates[a].got;
      const y = candidates[b].got;
      let both = 0;
      let onlyX = 0;
      let onlyY = 0;
      for (let i = 0; i < x.length; i++) {
        both += Math.max(x[i], y[i]);
        if (x[i] >= m.pairLevel * imp[i]) onlyX += Math.max(0, x[i] - y[i]);
        if (y[i] >= m.pairLevel * imp[i]) onlyY += Math.max(0, y[i] - x[i]);
      }
      if (onlyX / total < m.pairPart || onlyY / total < m.pairPart) continue;
      const share = both / total;
      if (!best || share > best.share) best = { themes: [candidates[a], candidates[b]], share };
    }
  return best;
}
