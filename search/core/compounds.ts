// Dutch compounds, so that "docentenstage" meets "docentstages", "leerlingenaantallen" meets
// "leerlingaantallen" and "bedrijfspartner" meets "bedrijfpartner", on both sides:
// - build side (splitTerm): an index term (a stem) made of a known modifier, an optional linking
//   -s- or -en- and a known head is stored under its canonical form, the linker left out
//   ("docentenstag" → "docentstag", modifier length 6), and its documents also count for the head
//   ("stag") at a lower weight;
// - query side (linkerVariants): a query stem is looked up as written and with each possible
//   linker removed; a variant counts only where the index holds it as a compound split at that place;
// - query side (decompound): a word the index does not hold at all is split into two known parts
//   ("roosterproblemen" → rooster + problem), checked against the index's word list.

/** Shortest modifier and head of a compound; */
export const MIN_PART = 3;
/** a modifier followed by a linker is longer ("sam-en-werk" is no compound of "sam") */
const MIN_LINKED = 4;
const LINKERS = ['en', 's'] as const;

export interface CompoundSplit {
  /** the term without its linker: modifier + head */
  canon: string;
  /** length of the modifier: where the head starts in `canon` */
  modLen: number;
  head: string;
}

/**
 * Split an index term into a known modifier (as written), an optional linker and a known head;
 * the leftmost split wins. `known` tells whether a string is a term of the index in its own right.
 */
export function splitTerm(term: string, known: (s: string) => boolean): CompoundSplit | null {
  if (term.length < 2 * MIN_PART || !/^[a-z]+$/.test(term)) return null;
  for (let i = MIN_PART; i <= term.length - MIN_PART; i++) {
    const mod = term.slice(0, i);
    if (!known(mod)) continue;
    for (const linker of ['', ...LINKERS]) {
      if (!term.startsWith(linker, i) || (linker && i < MIN_LINKED)) continue;
      const head = term.slice(i + linker.length);
      if (head.length >= MIN_PART && known(head)) return { canon: mod + head, modLen: i, head };
    }
  }
  return null;
}

/** Forms of a query stem with one linker removed, each with the modifier length it implies. */
export function linkerVariants(term: string): { form: string; modLen: number }[] {
  const out: { form: string; modLen: number }[] = [];
  if (!/^[a-z]+$/.test(term)) return out;
  for (let i = MIN_LINKED; i < term.length; i++) {
    for (const linker of LINKERS) {
      if (term.startsWith(linker, i) && term.length - i - linker.length >= MIN_PART) out.push({ form: term.slice(0, i) + term.slice(i + linker.length), modLen: i });
    }
  }
  return out;
}

/**
 * Split a folded word the index does not hold into two parts it does: "horecabedrijf" → horeca +
 * bedrijf, "bedrijfsbezoekje" → bedrijf(s) + bezoek. The longest head wins. Returns the parts'
 * stems, or null.
 */
export function decompound(word: string, known: (s: string) => boolean, stem: (w: string) => string): [string, string] | null {
  if (!/^[a-z]+$/.test(word)) return null;
  for (let i = MIN_PART; i <= word.length - MIN_PART; i++) {
    const right = stem(word.slice(i));
    if (!right || right.length < MIN_PART) continue;
    for (const left of [word.slice(0, i), ...LINKERS.filter((l) => word.endsWith(l, i)).map((l) => word.slice(0, i - l.length))]) {
      if (left.length < MIN_PART) continue;
      const l = stem(left);
      // the modifier first: it starts as the word does (the word filters come in pieces by first letter)
      if (l && l.length >= MIN_PART && known(l) && known(right)) return [l, right];
    }
  }
  return null;
}
